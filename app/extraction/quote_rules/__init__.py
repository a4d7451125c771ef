"""The rules behind the quotes extractor: marks, cue words, attribution, reported speech."""
