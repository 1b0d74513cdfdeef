import os, sys as system, a.b.c as d
from . import x
from .. import y as z
from ...a.b import (c, d as e,)
from m import *