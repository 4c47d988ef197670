"""The whole chain, from simulated market to report."""
