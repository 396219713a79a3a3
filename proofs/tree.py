"""Walking a proof tree: every kernel theorem below some theorems, each shared node once.

Imports nothing from the package: the kernel's theorems carry their premises, and both
`proofs.proof` and the renderers walk them through this module (so neither imports the other to do
it).
"""


def tree_nodes(*theorems):
    """Every theorem of the proof trees below `theorems`, each shared node once (depth first)."""
    seen, stack = set(), list(theorems)
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            stack.extend(node.premises)
