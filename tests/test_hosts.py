"""Every library theorem's fragment in every host class a journal uses: article, amsart (equation
numbers right and left), IEEEtran and acmart (two columns).  Each document compiles with no Overfull
box, every word stays inside the text block the class sets (read from the PDF with pdftotext -bbox
and compared with the block TeX reports), no two words are printed over each other, and no page but
the last ends high."""

import itertools
import re

import pytest

import proofs
from proofs.theorems import LIBRARY
from tests.tools import compile_tex, depths, require_class, word_boxes

# the class line, and what the class brings itself (amsart: amsthm; acmart: amsmath, amsthm and
# the theorem and lemma environments)
HOSTS = {
    "article": ("\\documentclass[11pt]{article}", ()),
    "amsart": ("\\documentclass{amsart}", ("amsthm",)),
    "amsart-leqno": ("\\documentclass[leqno]{amsart}", ("amsthm",)),
    "IEEEtran": ("\\documentclass[conference]{IEEEtran}", ()),
    "acmart": ("\\documentclass[sigconf]{acmart}\n\\settopmatter{printacmref=false}",
               ("amsthm", "amsmath", "amssymb", "newtheorem", "newaliascnt", "aliascntresetthe",
                "AtBeginDocument")),
}
# the text block as TeX has it, in points, written to the log
BLOCK = ("\\AtEndDocument{\\typeout{BLOCK \\the\\dimexpr1in+\\hoffset+\\oddsidemargin\\relax\\space"
         "\\the\\dimexpr1in+\\hoffset+\\evensidemargin\\relax\\space\\the\\textwidth}}")
PT_TO_BP = 72 / 72.27  # TeX points to the PDF's big points
ACCENTS = {"ˆ", "˜", "¯", "˙", "¨", "ˇ", "˘", "→"}  # set over a letter, as they should be


def printed_over_each_other(words):
    """Pairs of words whose boxes share more than a third of the smaller one."""
    pairs = []
    for first, second in itertools.combinations(words, 2):
        if first[4] in ACCENTS or second[4] in ACCENTS:
            continue
        width = min(first[2], second[2]) - max(first[0], second[0])
        height = min(first[3], second[3]) - max(first[1], second[1])
        smaller = min((w[2] - w[0]) * (w[3] - w[1]) for w in (first, second))
        if width > 0 and height > 0 and smaller > 0 and width * height > smaller / 3:
            pairs.append((first[4], second[4]))
    return pairs


def host_document(proof, host):
    head, brought = HOSTS[host]
    lines = [line for line in proof.preamble().splitlines()
             if not any(word in line for word in brought)]
    return "\n".join([head, *lines, BLOCK, "\\begin{document}", "\\title{A paper}", "\\maketitle",
                      "\\input{fragment}", "\\end{document}", ""])


@pytest.mark.parametrize("host", sorted(HOSTS))
@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_the_fragment_in_each_host_class(name, host, tmp_path):
    if host in ("IEEEtran", "acmart"):
        require_class(host)
    proof = proofs.prove(name)
    (tmp_path / "fragment.tex").write_text(proof.to_latex(), encoding="utf-8")
    log = compile_tex(tmp_path, "paper", host_document(proof, host))
    overfull = re.findall(r"^Overfull \\hbox \(([\d.]+)pt too wide\).*$", log, re.M)
    assert not overfull, f"Overfull boxes of {overfull} pt"
    odd, even, width = (float(value) * PT_TO_BP for value in
                        re.search(r"^BLOCK ([\d.]+)pt ([\d.]+)pt ([\d.]+)pt", log, re.M).groups())
    left, right = min(odd, even) - 2, max(odd, even) + width + 2  # glyphs overhang a little
    pages = word_boxes(tmp_path / "paper.pdf")
    for _, _, words in pages:
        outside = [word for x_min, _, x_max, _, word in words if x_min < left or x_max > right]
        assert not outside, f"outside the text block [{left:.0f}, {right:.0f}] bp: {outside[:5]}"
        assert not printed_over_each_other(words), printed_over_each_other(words)[:5]
    # no page but the last ends high (a page mostly empty in the middle of the fragment)
    assert all(depth > 0.6 for depth in depths(pages)[:-1])


def _flagship_pages(tmp_path, *head):
    """The pages (word_boxes) of bernoulli's paper-level fragment in a document that starts with
    the lines `head` (the class, its geometry) and the fragment's preamble."""
    proof = proofs.prove("bernoulli")
    (tmp_path / "fragment.tex").write_text(proof.to_latex(), encoding="utf-8")
    compile_tex(tmp_path, "paper", "\n".join([*head, proof.preamble(), "\\begin{document}",
                                              "\\input{fragment}", "\\end{document}", ""]))
    return word_boxes(tmp_path / "paper.pdf")


def test_the_flagship_fits_one_page_of_an_11pt_article(tmp_path):
    """The issue's budget: bernoulli's paper-level fragment on one page of an 11pt A4 article with
    2.5 cm margins, the page filled (not a short proof that happens to fit)."""
    pages = _flagship_pages(tmp_path, "\\documentclass[11pt,a4paper]{article}",
                            "\\usepackage[margin=2.5cm]{geometry}")
    assert len(pages) == 1
    assert "Theorem" in [word for *_, word in pages[0][2]]
    assert depths(pages)[0] > 0.6


def test_the_flagship_fits_one_and_a_half_columns_of_ieeetran(tmp_path):
    """bernoulli's paper-level fragment in IEEEtran: the first column, and less than half of the
    second (the words right of the page's middle reach less than half way down its text)."""
    require_class("IEEEtran")
    pages = _flagship_pages(tmp_path, "\\documentclass[conference]{IEEEtran}")
    assert len(pages) == 1
    width, height, words = pages[0]
    left = [word for word in words if word[2] < width / 2]
    right = [word for word in words if word[0] > width / 2]
    top = min(word[1] for word in words)
    bottom_of_column = max(word[3] for word in left)
    assert right, "the fragment fills the first column"
    assert max(word[3] for word in right) - top < (bottom_of_column - top) / 2


README_NOTATION = {"theta": "w", "p_i": "\\sigma(w^\\top x_i)", "y": "t", "n": "N",
                   "CE": "\\mathcal{L}_{\\mathrm{BCE}}"}


@pytest.mark.parametrize("host", sorted(HOSTS) + ["acmart-with-our-preamble"])
def test_the_readme_notation_in_each_host_class(host, tmp_path):
    # longer names than the defaults: the corollary's sentence ran 17 pt into acmart's margin
    # (with the --preamble lines kept whole, the lemmas numbered as ours) when its first formula
    # followed a run of words that no break could split
    if host in ("IEEEtran", "acmart", "acmart-with-our-preamble"):
        require_class(host.split("-")[0])
    proof = proofs.prove("bernoulli").with_options(notation=README_NOTATION)
    (tmp_path / "fragment.tex").write_text(proof.to_latex(), encoding="utf-8")
    if host == "acmart-with-our-preamble":
        document = "\n".join([
            "\\documentclass[sigconf]{acmart}",
            "\\settopmatter{printacmref=false}\\setcopyright{none}", proof.preamble(),
            "\\begin{document}", "\\title{T}\\author{A}", "\\maketitle", "\\input{fragment}",
            "\\end{document}", ""])
    else:
        document = host_document(proof, host)
    log = compile_tex(tmp_path, "paper", document)
    overfull = re.findall(r"^Overfull \\hbox \(([\d.]+)pt too wide\).*$", log, re.M)
    assert not overfull, f"Overfull boxes of {overfull} pt"
