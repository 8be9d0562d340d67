# expect: blocked code-execution
import builtins
fn = getattr(builtins, "ev" + "al")
fn("2 * 21")
