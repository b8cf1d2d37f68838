"""Benchmarks: ``make bench`` runs every module here that has a ``main()``.

Each figure is a ratio against a baseline measured in the same run, so the numbers mean
the same on a slow office PC and on a fast laptop. Nothing here is asserted in the tests.
"""
