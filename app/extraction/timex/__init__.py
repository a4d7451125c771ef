"""A rule-based TIMEX3 tagger for English news: find temporal expressions, then normalise them."""
