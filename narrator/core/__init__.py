"""The core every stage shares: the model, quantities, the vocabulary, errors, the input format."""
