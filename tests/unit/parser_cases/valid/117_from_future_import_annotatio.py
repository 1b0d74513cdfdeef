from __future__ import annotations
import a.b.c
from a.b import c as d, e
from .mod import *
from . import (a, b)
from .... import x