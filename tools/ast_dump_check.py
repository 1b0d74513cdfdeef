#!/usr/bin/env python3
"""Records and checks the python3 oracle for tests/unit/test_parser.c.

Corpus layout (tests/unit/parser_cases/):
  valid/NAME.py      a source that parses
  valid/NAME.ast     two lines recorded from python3: ast.dump(tree) and
                     ast.dump(tree, include_attributes=True)
  errors.txt         one source per line, escaped: \\n newline, \\t tab,
                     \\\\ backslash, \\0 NUL, \\xHH any byte
  errors.expected    one line per case: "OK", or the SyntaxError as
                     KIND<TAB>msg<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset
                     (KIND: SyntaxError, IndentationError or TabError)

Usage:
  tools/ast_dump_check.py           check that the recordings match python3
  tools/ast_dump_check.py --regen   rewrite the recordings from python3

Sources are compiled with ast.PyCF_ONLY_AST, i.e. what CPython's parser
reports; errors CPython raises later (in its compiler) are not recorded.
A source is passed as str when it is valid UTF-8 (offsets in characters,
as for a file or a str), else as bytes.
"""
import ast
import warnings
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, 'tests', 'unit', 'parser_cases')


def unescape(line):
    out = bytearray()
    i = 0
    while i < len(line):
        c = line[i]
        if c == '\\' and i + 1 < len(line):
            n = line[i + 1]
            if n == 'n':
                out += b'\n'
            elif n == 't':
                out += b'\t'
            elif n == '\\':
                out += b'\\'
            elif n == '0':
                out += b'\0'
            elif n == 'x':
                out.append(int(line[i + 2:i + 4], 16))
                i += 2
            else:
                raise ValueError('bad escape in %r' % line)
            i += 2
            continue
        out += c.encode('utf-8')
        i += 1
    return bytes(out)


def compile_source(data):
    try:
        src = data.decode('utf-8')
    except UnicodeDecodeError:
        src = data
    return compile(src, 'main.py', 'exec', ast.PyCF_ONLY_AST)


def error_line(data):
    try:
        compile_source(data)
        return 'OK'
    except SyntaxError as e:
        return '\t'.join(str(x) for x in (type(e).__name__, e.msg, e.lineno, e.offset,
                                          e.end_lineno, e.end_offset))


def dump_lines(data):
    tree = compile_source(data)
    return ast.dump(tree) + '\n' + ast.dump(tree, include_attributes=True) + '\n'


def expected_files():
    """Yields (path, expected text) for every recording."""
    vdir = os.path.join(CASES, 'valid')
    for name in sorted(os.listdir(vdir)):
        if name.endswith('.py'):
            with open(os.path.join(vdir, name), 'rb') as f:
                data = f.read()
            yield os.path.join(vdir, name[:-3] + '.ast'), dump_lines(data)
    with open(os.path.join(CASES, 'errors.txt'), encoding='utf-8') as f:
        lines = [unescape(l.rstrip('\n')) for l in f if l.strip('\n')]
    yield os.path.join(CASES, 'errors.expected'), ''.join(error_line(d) + '\n' for d in lines)


def main():
    warnings.simplefilter("ignore")
    regen = '--regen' in sys.argv[1:]
    stale = 0
    for path, text in expected_files():
        try:
            with open(path, encoding='utf-8') as f:
                old = f.read()
        except FileNotFoundError:
            old = None
        if old == text:
            continue
        if regen:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            print('wrote', os.path.relpath(path, ROOT))
        else:
            stale += 1
            print('stale:', os.path.relpath(path, ROOT))
    if stale:
        print('%d recording(s) differ from python3; run with --regen' % stale)
        return 1
    print('recordings ok' if not regen else 'done')
    return 0


if __name__ == '__main__':
    sys.exit(main())
