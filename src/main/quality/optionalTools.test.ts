// pylint and mypy as optional sources: finding them on PATH, and reading their output formats.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { findOnPath, parseMypyOutput, parsePylintJson, parseVersion } from './optionalTools';

describe('optional tools', () => {
  it('finds executables on PATH and reports null for what is not there', () => {
    const temp = makeTempDir();
    try {
      const tool = path.join(temp.dir, 'pylint');
      fs.writeFileSync(tool, '#!/bin/sh\n', { mode: 0o755 });
      fs.writeFileSync(path.join(temp.dir, 'mypy'), 'not executable', { mode: 0o644 });
      expect(findOnPath('pylint', `/nonexistent${path.delimiter}${temp.dir}`)).toBe(tool);
      expect(findOnPath('mypy', temp.dir)).toBeNull();
      expect(findOnPath('ark-no-such-tool-here')).toBeNull();
    } finally {
      temp.cleanup();
    }
  });

  it('reads versions from --version output', () => {
    expect(parseVersion('pylint 2.16.2\nastroid 2.14.2\nPython 3.11.2', 'pylint')).toBe('2.16.2');
    expect(parseVersion('mypy 1.0.1 (compiled: yes)\n', 'mypy')).toBe('1.0.1');
    expect(parseVersion('command not found', 'mypy')).toBeNull();
  });

  it("reads pylint's JSON (0-based columns) and mypy's text with error ends", () => {
    const pylint = JSON.stringify([
      { type: 'convention', module: 'snippet', obj: '', line: 1, column: 0, endLine: null, endColumn: null, path: 'snippet.py', symbol: 'missing-module-docstring', message: 'Missing module docstring', 'message-id': 'C0114' },
      { type: 'error', module: 'snippet', obj: 'f', line: 3, column: 11, endLine: 3, endColumn: 12, path: 'snippet.py', symbol: 'undefined-variable', message: "Undefined variable 'y'", 'message-id': 'E0602' },
    ]);
    expect(parsePylintJson(pylint)).toEqual([
      { source: 'pylint', ruleId: 'C0114 missing-module-docstring', severity: 'info', message: 'Missing module docstring', line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false },
      { source: 'pylint', ruleId: 'E0602 undefined-variable', severity: 'error', message: "Undefined variable 'y'", line: 3, column: 12, endLine: 3, endColumn: 13, fixable: false },
    ]);
    const mypy = [
      'snippet.py:3:12:3:12: error: Incompatible return value type (got "int", expected "str")  [return-value]',
      'snippet.py:5:1: note: Revealed type is "builtins.int"',
      'Success: no issues found in 1 source file',
    ].join('\n');
    expect(parseMypyOutput(mypy)).toEqual([
      { source: 'mypy', ruleId: 'return-value', severity: 'error', message: 'Incompatible return value type (got "int", expected "str")', line: 3, column: 12, endLine: 3, endColumn: 13, fixable: false },
      { source: 'mypy', ruleId: 'mypy', severity: 'info', message: 'Revealed type is "builtins.int"', line: 5, column: 1, endLine: 5, endColumn: 1, fixable: false },
    ]);
  });
});
