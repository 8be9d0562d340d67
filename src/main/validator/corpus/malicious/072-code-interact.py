# expect: blocked trusted code-execution
import code
code.interact()
