// How each Ruff diagnostic we ask for (flake8-bandit `S`, pyflakes `F`) maps onto our categories and severities.
import type { RuleCategory, Severity } from '../../shared/validation';

export type RuffMapping = {
  /** Our category for the concern; a security concern takes that category's severity at each tier. */
  category: RuleCategory;
  /** For lint-like codes: the most this code may ever be (lint never blocks). */
  max?: Severity;
  explanation: string;
};

const lint = (max: Severity, explanation: string): RuffMapping => ({ category: 'lint', max, explanation });
const concern = (category: RuleCategory, explanation: string): RuffMapping => ({ category, explanation });

// Security codes that our own rules also cover are mapped to the same category, so the de-duplication (same line,
// same category: ours wins) drops Ruff's copy; where ours stays silent, Ruff's finding still counts at full weight.
// Style and hygiene codes are capped at info or warning: they describe code quality, not danger.
export const ruffMappings: Readonly<Record<string, RuffMapping>> = {
  'invalid-syntax': concern('syntax', 'Python itself would refuse to compile this code (Ruff parses like CPython).'),
  S101: lint('info', 'assert statements vanish under python -O.'),
  S102: concern('code-execution', 'Use of exec.'),
  S103: concern('filesystem', 'chmod with a permissive mask.'),
  S104: lint('warning', 'Binding to all network interfaces.'),
  S105: lint('info', 'Possible hard-coded password in a string.'),
  S106: lint('info', 'Possible hard-coded password passed as an argument.'),
  S107: lint('info', 'Possible hard-coded password as a default argument.'),
  S108: lint('info', 'Hard-coded temporary file or directory path.'),
  S110: lint('info', 'try/except/pass hides errors.'),
  S112: lint('info', 'try/except/continue hides errors.'),
  S113: concern('network', 'HTTP request without a timeout.'),
  S201: lint('warning', 'Flask app run with debug=True.'),
  S202: concern('filesystem', 'tarfile.extractall without filtering members (path traversal).'),
  S301: concern('deserialization', 'pickle and modules that wrap it can run code while loading.'),
  S302: concern('deserialization', 'marshal loading of untrusted data.'),
  S303: lint('info', 'Insecure hash function (MD5, SHA-1).'),
  S304: lint('warning', 'Insecure cipher.'),
  S305: lint('warning', 'Insecure cipher mode.'),
  S306: lint('warning', 'tempfile.mktemp is racy; use mkstemp.'),
  S307: concern('code-execution', 'Use of eval.'),
  S308: lint('warning', 'mark_safe may expose cross-site scripting.'),
  S310: concern('network', 'URL open with a scheme that is not checked.'),
  S311: lint('info', 'Standard pseudo-random generators are not for cryptography.'),
  S312: concern('network', 'Telnet is unencrypted.'),
  S313: lint('warning', 'XML parsing open to entity attacks (xml.etree cElementTree).'),
  S314: lint('warning', 'XML parsing open to entity attacks (xml.etree ElementTree).'),
  S315: lint('warning', 'XML parsing open to entity attacks (expatreader).'),
  S316: lint('warning', 'XML parsing open to entity attacks (expatbuilder).'),
  S317: lint('warning', 'XML parsing open to entity attacks (xml.sax).'),
  S318: lint('warning', 'XML parsing open to entity attacks (xml.dom.minidom).'),
  S319: lint('warning', 'XML parsing open to entity attacks (xml.dom.pulldom).'),
  S320: lint('warning', 'XML parsing open to entity attacks (lxml).'),
  S321: concern('network', 'FTP is unencrypted.'),
  S323: lint('warning', 'Unverified SSL context.'),
  S324: lint('info', 'Insecure hash function in hashlib.'),
  S401: concern('network', 'telnetlib import.'),
  S402: concern('network', 'ftplib import.'),
  S403: concern('deserialization', 'pickle-family import.'),
  S404: concern('process', 'subprocess import.'),
  S411: concern('network', 'xmlrpc import.'),
  S501: lint('warning', 'HTTPS request with certificate checks disabled.'),
  S502: lint('warning', 'SSL/TLS with an insecure protocol version.'),
  S503: lint('warning', 'Insecure default SSL/TLS protocol version.'),
  S504: lint('warning', 'SSL/TLS without a protocol version.'),
  S505: lint('warning', 'Weak cryptographic key.'),
  S506: concern('deserialization', 'yaml.load without a safe loader can build arbitrary objects.'),
  S507: concern('network', 'SSH without host key verification.'),
  S508: lint('warning', 'SNMP with an insecure version.'),
  S509: lint('warning', 'SNMP with weak cryptography.'),
  S601: concern('process', 'Shell command through paramiko.'),
  S602: concern('process', 'subprocess call with shell=True.'),
  S603: concern('process', 'subprocess call (check for untrusted input).'),
  S604: lint('warning', 'Function call with shell=True.'),
  S605: concern('process', 'Starting a process with a shell.'),
  S606: concern('process', 'Starting a process without a shell.'),
  S607: concern('process', 'Starting a process with a partial executable path.'),
  S608: lint('warning', 'SQL built from strings (possible injection).'),
  S609: concern('process', 'Wildcard in a shell command (injection).'),
  S610: lint('warning', 'Django extra() (possible SQL injection).'),
  S611: lint('warning', 'Django RawSQL (possible SQL injection).'),
  S612: concern('network', 'logging.config.listen opens a socket that runs received configuration.'),
  S701: lint('warning', 'Jinja2 with autoescape off.'),
  S702: lint('warning', 'Mako templates without escaping.'),
  S704: lint('warning', 'Unsafe markup use.'),
  F401: lint('info', 'Imported but unused.'),
  F402: lint('warning', 'Import shadowed by a loop variable.'),
  F403: lint('info', 'Star import hides which names are defined.'),
  F404: concern('syntax', 'from __future__ import after other statements is a SyntaxError.'),
  F405: lint('info', 'Name may come from a star import.'),
  F406: concern('syntax', 'Star import outside module level is a SyntaxError.'),
  F407: concern('syntax', 'Unknown __future__ feature is a SyntaxError.'),
  F501: lint('warning', '% format string is invalid.'),
  F502: lint('warning', '% format expects a mapping.'),
  F503: lint('warning', '% format expects a sequence.'),
  F504: lint('warning', '% format has unused named arguments.'),
  F505: lint('warning', '% format is missing named arguments.'),
  F506: lint('warning', '% format mixes positional and named placeholders.'),
  F507: lint('warning', '% format has the wrong number of arguments.'),
  F508: lint('warning', '% format with * needs a sequence.'),
  F509: lint('warning', '% format has an unsupported character.'),
  F521: lint('warning', '.format string is invalid.'),
  F522: lint('warning', '.format has unused named arguments.'),
  F523: lint('warning', '.format has unused positional arguments.'),
  F524: lint('warning', '.format is missing arguments.'),
  F525: lint('warning', '.format mixes automatic and manual numbering.'),
  F541: lint('info', 'f-string without placeholders.'),
  F601: lint('warning', 'Dictionary key literal repeated.'),
  F602: lint('warning', 'Dictionary key variable repeated.'),
  F621: concern('syntax', 'Too many expressions in star-unpacking assignment (SyntaxError).'),
  F622: concern('syntax', 'Two starred expressions in one assignment (SyntaxError).'),
  F631: lint('warning', 'assert on a non-empty tuple is always true.'),
  F632: lint('warning', 'is / is not with a literal.'),
  F633: lint('warning', 'print >> is Python 2 syntax.'),
  F634: lint('warning', 'if on a non-empty tuple is always true.'),
  F701: concern('syntax', 'break outside a loop (SyntaxError).'),
  F702: concern('syntax', 'continue outside a loop (SyntaxError).'),
  F704: concern('syntax', 'yield or await outside a function (SyntaxError).'),
  F706: concern('syntax', 'return outside a function (SyntaxError).'),
  F707: concern('syntax', 'A bare except: that is not last (SyntaxError).'),
  F722: lint('warning', 'Syntax error in a forward annotation.'),
  F811: lint('warning', 'Redefinition of an unused name.'),
  F821: lint('warning', 'Undefined name (NameError at run time).'),
  F822: lint('warning', 'Undefined name in __all__.'),
  F823: lint('warning', 'Local variable referenced before assignment.'),
  F841: lint('info', 'Local variable assigned but never used.'),
  F842: lint('info', 'Local variable annotated but never used.'),
  F901: lint('warning', 'raise NotImplemented should be raise NotImplementedError.'),
};

/** Codes without their own entry: other bandit codes are warnings, other pyflakes codes too. */
export const ruffFallbacks: Readonly<Record<'S' | 'F' | 'other', RuffMapping>> = {
  S: lint('warning', 'Another flake8-bandit finding.'),
  F: lint('warning', 'Another pyflakes finding.'),
  other: lint('warning', 'Another Ruff finding.'),
};

export function ruffMappingFor(code: string): RuffMapping {
  if (Object.hasOwn(ruffMappings, code)) return ruffMappings[code] as RuffMapping;
  if (code.startsWith('S')) return ruffFallbacks.S;
  if (code.startsWith('F')) return ruffFallbacks.F;
  return ruffFallbacks.other;
}
