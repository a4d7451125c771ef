"""`python -m bench`: the performance table of issue 6, measured side by side in one run."""
