"""`narrator draft` and `narrator ask`: plan, language, compose, render, questions and the self-review."""
