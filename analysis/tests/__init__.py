"""Tests of the analysis scripts. Run from analysis/ (ctest does):
MPLBACKEND=Agg /usr/bin/python3 -m unittest discover -s tests -t ."""
