"""Tests of the criteria data, the evaluator and the thidua evaluate/check commands."""
