"""One module per printout of `dugnad print`; each has `register(subparsers)` setting `handler`."""
