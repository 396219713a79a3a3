"""A pgfplots figure: L(θ), log L(θ) and CE(θ) for a one-weight logistic model, their shared
maximizer and minimizer marked.  The data set is shipped here (eight points, deliberately not
separable, so the optimum is finite) and every number in the figure is computed, never typed in."""

import math

X = (-3.0, -2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0)
Y = (0, 0, 1, 0, 1, 0, 1, 1)
GRID_POINTS = 41


def sigmoid(t):
    return 1 / (1 + math.exp(-t)) if t >= 0 else math.exp(t) / (1 + math.exp(t))


def log_likelihood(w):
    return sum(y * math.log(sigmoid(w * x)) + (1 - y) * math.log1p(-sigmoid(w * x))
               for x, y in zip(X, Y))


def maximizer(tolerance=1e-12):
    """Newton's method on the concave log-likelihood, from w = 0."""
    w = 0.0
    for _ in range(100):
        score = sum((y - sigmoid(w * x)) * x for x, y in zip(X, Y))
        curvature = -sum(sigmoid(w * x) * (1 - sigmoid(w * x)) * x * x for x in X)
        step = score / curvature
        w -= step
        if abs(step) < tolerance:
            return w
    raise ArithmeticError("Newton's method did not converge")


def curves():
    """(w*, grid, [(name, values)]) for L, log L and CE = −log L / n."""
    best = maximizer()
    grid = [best - 2 + 4 * k / (GRID_POINTS - 1) for k in range(GRID_POINTS)]
    logs = [log_likelihood(w) for w in grid]
    return best, grid, [("L", [math.exp(v) for v in logs]), ("log L", logs),
                        ("CE", [-v / len(X) for v in logs])]


def _number(value):
    return f"{value:.6g}"


def render_figure(writer, prefix):
    """The figure environment (needs pgfplots), in the writer's notation."""
    best, grid, series = curves()
    theta, log, likelihood, ce = (writer.names[k] for k in ("theta", "log", "L", "CE"))
    labels = {"L": f"{likelihood}({theta})", "log L": f"{log} {likelihood}({theta})",
              "CE": f"{ce}({theta})"}
    panels = []
    for name, values in series:
        at_best = {"L": math.exp(log_likelihood(best)), "log L": log_likelihood(best),
                   "CE": -log_likelihood(best) / len(X)}[name]
        coordinates = " ".join(f"({_number(w)},{_number(v)})" for w, v in zip(grid, values))
        panels.append("\n".join([
            "\\begin{tikzpicture}",
            f"\\begin{{axis}}[width=0.36\\linewidth, height=4.2cm, xlabel={{${theta}$}}, "
            f"title={{${labels[name]}$}},"
            " scaled y ticks=false, tick label style={font=\\scriptsize}, "
            "yticklabel style={/pgf/number format/fixed}]",
            f"\\addplot[thick, blue, no markers] coordinates {{{coordinates}}};",
            f"\\addplot[only marks, mark=*, red] coordinates "
            f"{{({_number(best)},{_number(at_best)})}};",
            f"\\draw[dashed, red] ({{axis cs:{_number(best)},0}} |- {{rel axis cs:0,0}}) -- "
            f"({{axis cs:{_number(best)},0}} |- {{rel axis cs:0,1}});",
            "\\end{axis}",
            "\\end{tikzpicture}"]))
    return "\n".join([
        "\\begin{figure}[ht]",
        "\\centering",
        "%\n".join(panels),
        f"\\caption{{The likelihood, the log-likelihood and the cross-entropy of a logistic model "
        f"with one weight ${theta}$ on {len(X)} data points: the first two are maximal and the "
        f"third minimal at the same "
        f"${theta} \\approx {best:.4f}$ (red).}}",
        f"\\label{{{prefix}figure}}",
        "\\end{figure}",
        ""])
