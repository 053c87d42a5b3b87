"""The figure of "Functions" draws x -> x^2 on the inputs it names."""


def test_domain_to_range_arrows_follow_x_squared(figure):
    ax = figure("functions-domain-range.svg").axes[0]
    arrows = [ln.get_label() for ln in ax.get_lines() if "->" in ln.get_label()]
    pairs = [tuple(int(s) for s in label.split(" -> ")) for label in arrows]
    assert sorted(pairs) == sorted((x, x * x) for x in [-2, -1, 1, 2, 3])
    # Two inputs share an output: not one-to-one, still a function.
    outputs = [y for _, y in pairs]
    assert outputs.count(4) == 2 and outputs.count(1) == 2
    texts = {t.get_text() for t in ax.texts}
    assert {"1", "4", "9", "−2", "3"} <= texts  # U+2212, the minus sign
