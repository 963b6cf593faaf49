"""Loaders and scorers for public benchmarks."""
