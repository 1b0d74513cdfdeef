"""Docstring is allowed before a future import."""
import sys
from __future__ import annotations
print("never printed")
