// The built-in example runner: a standalone Python script (no pytest) that checks a function against a spec's examples.
import type { Spec, SpecValue } from '../../shared/spec';
import { DEFAULT_ABSOLUTE_TOLERANCE, DEFAULT_RELATIVE_TOLERANCE } from '../templates/context';
import { pyLiteral } from '../templates/filters';

/** What the runner checks: an importable module next to the script, or source text it executes itself. */
export type RunnerTarget = { module: string } | { source: string };

export type RunnerOptions = {
  /** Seconds each example may take before it fails with a timeout (SIGALRM, where the platform has it). */
  timeoutSeconds?: number;
  /** A per-run secret that prefixes every result line, so output the code under test prints cannot pass for results. */
  token?: string;
};

/** One line of runner output per example. */
export type RunnerResult = {
  index: number;
  passed: boolean;
  /** The returned value in the spec encoding, or null when nothing was returned or it cannot be encoded. */
  actual: SpecValue;
  /** repr() of the returned value (truncated), for display. */
  repr: string | null;
  /** Why the example failed: the exception raised, a mismatch, a timeout. Null when it passed. */
  error: string | null;
  /** The class name of an exception the call raised, expected or not. */
  raised: string | null;
  stdout?: string;
};

export type RunnerSummary = { total: number; passed: number; failed: number };

// The script body is static; only the constants above it change, and each of those is a Python literal rendered by
// pyLiteral, so spec text can never become code. Cases travel as one JSON string decoded inside the script.
const RUNNER_BODY = String.raw`
import contextlib
import importlib
import io
import json
import math
import os
import signal
import sys
import types


class _Timeout(BaseException):
    # BaseException, so a function's own "except Exception" cannot swallow the timeout.
    pass


def _decode(value):
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, inner),) = value.items()
            if key == "$tuple":
                return tuple(_decode(item) for item in inner)
            if key == "$set":
                return set(_decode(item) for item in inner)
            if key == "$dict":
                return {_decode(k): _decode(v) for k, v in inner}
            if key == "$float":
                return float(inner)
            if key == "$int":
                return int(inner)
        return {key: _decode(inner) for key, inner in value.items()}
    return value


def _encode(value, depth=0):
    if depth > 60:
        raise ValueError("too deep")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value) if -(2**53) < value < 2**53 else {"$int": str(int(value))}
    if isinstance(value, float):
        if math.isnan(value):
            return {"$float": "nan"}
        if math.isinf(value):
            return {"$float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, list):
        return [_encode(item, depth + 1) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [_encode(item, depth + 1) for item in value]}
    if isinstance(value, (set, frozenset)):
        return {"$set": [_encode(item, depth + 1) for item in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") and k != "__proto__" for k in value):
            return {k: _encode(v, depth + 1) for k, v in value.items()}
        return {"$dict": [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in value.items()]}
    raise TypeError(type(value).__name__)


def _matches(actual, expected, rel, abs_):
    if isinstance(expected, float) or (isinstance(actual, float) and isinstance(expected, int) and not isinstance(expected, bool)):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return False
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        return math.isclose(actual, expected, rel_tol=rel, abs_tol=abs_)
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(
            _matches(a, e, rel, abs_) for a, e in zip(actual, expected)
        )
    if isinstance(expected, tuple):
        return isinstance(actual, tuple) and len(actual) == len(expected) and all(
            _matches(a, e, rel, abs_) for a, e in zip(actual, expected)
        )
    if isinstance(expected, dict):
        return isinstance(actual, dict) and actual.keys() == expected.keys() and all(
            _matches(actual[k], expected[k], rel, abs_) for k in expected
        )
    return actual == expected


def _named(error, name):
    for cls in type(error).__mro__:
        if name in (cls.__name__, cls.__module__ + "." + cls.__qualname__):
            return True
    return False


def _emit(record):
    sys.__stdout__.write(TOKEN + json.dumps(record, ensure_ascii=True) + "\n")
    sys.__stdout__.flush()


def _load():
    if SOURCE is not None:
        module = types.ModuleType(MODULE)
        module.__file__ = "<spec source>"
        sys.modules[MODULE] = module
        exec(compile(SOURCE, "<" + MODULE + ">", "exec"), module.__dict__)
    else:
        here = os.path.dirname(os.path.abspath(__file__)) if "__file__" in globals() else os.getcwd()
        sys.path.insert(0, here)
        module = importlib.import_module(MODULE)
    return getattr(module, FUNCTION)


def _on_alarm(signum, frame):
    raise _Timeout()


def _call(function, case):
    args = _decode(case["args"])
    kwargs = _decode(case["kwargs"])
    captured = io.StringIO()
    use_alarm = hasattr(signal, "SIGALRM") and TIMEOUT > 0
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, TIMEOUT)
    try:
        with contextlib.redirect_stdout(captured):
            return function(*args, **kwargs), None, captured.getvalue()
    except _Timeout:
        return None, _Timeout(), captured.getvalue()
    except Exception as error:  # noqa: BLE001 - every failure of the function under test is a result
        return None, error, captured.getvalue()
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _main():
    cases = json.loads(CASES_JSON)
    try:
        function = _load()
        load_error = None
    except BaseException as error:  # noqa: BLE001 - a broken module fails every example, visibly
        function = None
        load_error = "Could not load " + FUNCTION + ": " + type(error).__name__ + ": " + str(error)
    passed = 0
    for case in cases:
        record = {"index": case["index"], "passed": False, "actual": None, "repr": None, "error": None, "raised": None}
        if function is None:
            record["error"] = load_error
            _emit(record)
            continue
        result, error, stdout = _call(function, case)
        if stdout:
            record["stdout"] = stdout[:4096]
        if isinstance(error, _Timeout):
            record["error"] = "Timed out after " + str(TIMEOUT) + " s"
        elif error is not None:
            record["raised"] = type(error).__name__
            if case["raises"] is not None and _named(error, case["raises"]):
                record["passed"] = True
            else:
                record["error"] = type(error).__name__ + ": " + str(error)[:2000]
        elif case["raises"] is not None:
            record["error"] = "Expected " + case["raises"] + " to be raised"
        else:
            record["repr"] = repr(result)[:2000]
            try:
                record["actual"] = _encode(result)
            except (TypeError, ValueError):
                record["actual"] = None
            if not case["has_expected"]:
                record["passed"] = True
            else:
                expected = _decode(case["expected"])
                if _matches(result, expected, case["rel"], case["abs"]):
                    record["passed"] = True
                else:
                    record["error"] = "Expected " + repr(expected)[:2000] + ", got " + record["repr"]
        passed += 1 if record["passed"] else 0
        _emit(record)
    _emit({"summary": {"total": len(cases), "passed": passed, "failed": len(cases) - passed}})
    return 0 if passed == len(cases) else 1


if __name__ == "__main__":
    sys.exit(_main())
`;

// JSON.stringify writes -0 as 0, which Python reads as the int 0; the tag reaches _decode, which reads float('-0.0').
function keepNegativeZero(_key: string, value: unknown): unknown {
  return Object.is(value, -0) ? { $float: '-0.0' } : value;
}

/** Renders the runner for a spec: constants (function, target, cases) followed by the static script body. */
export function renderRunner(spec: Spec, target: RunnerTarget, options: RunnerOptions = {}): string {
  const cases = spec.examples.map((example, index) => ({
    index,
    args: example.args,
    kwargs: example.kwargs ?? {},
    has_expected: example.expected !== undefined,
    expected: example.expected ?? null,
    raises: example.raises ?? null,
    rel: DEFAULT_RELATIVE_TOLERANCE,
    abs: example.tolerance ?? DEFAULT_ABSOLUTE_TOLERANCE,
  }));
  const moduleName = 'module' in target ? target.module : 'solution';
  if (!/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(moduleName)) throw new Error(`"${moduleName}" is not a module name.`);
  const timeout = Math.max(0, Math.min(3600, options.timeoutSeconds ?? 10));
  const header = [
    `# Example runner for ${spec.name}, generated by ARK Workbench: prints one JSON line per example, then a summary.`,
    `FUNCTION = ${pyLiteral(spec.name)}`,
    `MODULE = ${pyLiteral(moduleName)}`,
    `SOURCE = ${'source' in target ? pyLiteral(target.source) : 'None'}`,
    `TIMEOUT = ${timeout}`,
    `TOKEN = ${pyLiteral(options.token ?? '')}`,
    `CASES_JSON = ${pyLiteral(JSON.stringify(cases, keepNegativeZero))}`,
  ];
  return `${header.join('\n')}\n${RUNNER_BODY}`;
}

/**
 * The JSON objects a harness printed on lines that start with its per-run token, in order. Other lines (the program's
 * own output) and lines that do not parse (one cut short by the output cap) are skipped.
 */
export function tokenRecords<T extends object>(text: string, token: string): T[] {
  const records: T[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.startsWith(token)) continue;
    const line = raw.slice(token.length);
    if (!line.startsWith('{')) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      continue;
    }
  }
  return records;
}

/** Reads runner output: example lines and the summary; other lines (none are expected) are ignored. */
export function parseRunnerOutput(text: string, token = ''): { results: RunnerResult[]; summary: RunnerSummary | null } {
  const results: RunnerResult[] = [];
  let summary: RunnerSummary | null = null;
  for (const record of tokenRecords<{ summary?: RunnerSummary; index?: number }>(text, token)) {
    if ('summary' in record) summary = record.summary as RunnerSummary;
    else if ('index' in record) results.push(record as RunnerResult);
  }
  return { results, summary };
}
