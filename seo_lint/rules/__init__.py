"""Built-in rules, one module per family. Every module here is imported by `registry.load()`."""
