"""sites stage."""
