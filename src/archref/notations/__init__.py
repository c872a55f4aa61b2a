"""One module per notation family, each with ``parse`` and ``format`` functions."""
