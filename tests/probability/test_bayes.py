"""Bayes' theorem against a direct count over a population, and the spam filter's numbers."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from snippets.probability import posterior, total_probability


def test_spam_filter():
    # P(spam) = 0.3, P(free | spam) = 0.8, P(free | ham) = 0.1
    evidence = Fraction(8, 10) * Fraction(3, 10) + Fraction(1, 10) * Fraction(7, 10)
    assert evidence == Fraction(31, 100)
    exact = Fraction(24, 100) / evidence
    assert exact == Fraction(24, 31)
    assert total_probability(0.8, 0.3, 0.1) == pytest.approx(0.31, rel=1e-15)
    assert posterior(0.8, 0.3, 0.1) == pytest.approx(float(exact), rel=1e-15)
    assert f"{float(exact):.4f}" == "0.7742" and round(float(exact), 2) == 0.77


def test_bayes_by_counting_a_population():
    # 10 000 emails, 3 000 spam: 2 400 of them say "free"; of 7 000 ham, 700 do.
    spam = np.zeros(10_000, dtype=bool)
    spam[:3000] = True
    free = np.zeros(10_000, dtype=bool)
    free[:2400] = True
    free[3000:3700] = True
    assert free.mean() == pytest.approx(total_probability(0.8, 0.3, 0.1), rel=1e-12)
    assert spam[free].mean() == pytest.approx(posterior(0.8, 0.3, 0.1), rel=1e-12)


probability = st.floats(0, 1)


@given(probability, st.floats(0.01, 0.99), probability)
def test_posterior_is_a_probability_and_the_rule_is_symmetric(likelihood, prior, other):
    evidence = total_probability(likelihood, prior, other)
    if evidence == 0:
        return
    p = posterior(likelihood, prior, other)
    assert 0 <= p <= 1
    # P(A|B) P(B) = P(B|A) P(A): both are P(A and B)
    assert p * evidence == pytest.approx(likelihood * prior, rel=1e-12, abs=1e-300)
    # P(A|B) + P(not A|B) = 1
    if likelihood * prior + other * (1 - prior) > 0:
        complement = posterior(other, 1 - prior, likelihood)
        assert p + complement == pytest.approx(1.0, rel=1e-12)


def test_an_uninformative_observation_leaves_the_prior():
    assert posterior(0.4, 0.3, 0.4) == pytest.approx(0.3, rel=1e-15)
    assert math.isclose(posterior(1.0, 0.3, 0.0), 1.0)  # B only happens with A


def test_exercises():
    # a rare condition: 0.0099 / 0.0594 = 1/6 exactly, in fractions
    f = Fraction
    exact = f(99, 100) * f(1, 100) / (f(99, 100) * f(1, 100) + f(5, 100) * f(99, 100))
    assert exact == f(1, 6)
    assert posterior(0.99, 0.01, 0.05) == pytest.approx(1 / 6, rel=1e-14)
    # two words: the same as one update with the product of the likelihoods
    after_free = f(24, 31)
    exact = f(4, 10) * after_free / (f(4, 10) * after_free + f(2, 100) * (1 - after_free))
    assert posterior(0.4, posterior(0.8, 0.3, 0.1), 0.02) == pytest.approx(float(exact), rel=1e-14)
    assert posterior(0.8 * 0.4, 0.3, 0.1 * 0.02) == pytest.approx(float(exact), rel=1e-14)
    assert f"{float(exact):.4f}" == "0.9856"


def test_updating_once_per_word_is_naive_bayes():
    # The page: naive Bayes = one update per word. Its closed form, with the words independent
    # given the class: P(spam | w1, w2) = l1 l2 p / (l1 l2 p + m1 m2 (1 - p)).
    p, (l1, m1), (l2, m2) = 0.3, (0.8, 0.1), (0.4, 0.02)
    closed_form = l1 * l2 * p / (l1 * l2 * p + m1 * m2 * (1 - p))
    sequential = posterior(l2, posterior(l1, p, m1), m2)
    assert sequential == pytest.approx(closed_form, rel=1e-14)  # the same rational, rounded
    assert posterior(l1, posterior(l2, p, m2), m1) == pytest.approx(closed_form, rel=1e-14)
    assert f"{closed_form:.4f}" == "0.9856"  # exercise 2's printed value, from the closed form
