"""The site's Content Security Policy, as a real browser enforces it: our own scripts run (the
live bank works under it: every other browser test fails on any refusal), a script that is not
one of our files does not."""

from __future__ import annotations

from playwright.sync_api import expect


def test_a_script_that_is_not_ours_does_not_run(app, open_page, teacher):
    page = open_page(teacher)
    page.goto("/bank/")
    expect(page.get_by_role("heading", name="Questions", level=1)).to_be_visible()
    assert page.evaluate("typeof htmx") == "object"  # htmx, from our static files, ran

    # As if a stored value had become markup: an inline script and an inline handler.
    page.evaluate(
        """() => {
            const s = document.createElement('script');
            s.textContent = 'window.injected = true';
            document.body.appendChild(s);
            const d = document.createElement('div');
            d.innerHTML = '<img src="/static/favicon.svg" onload="window.handler = true">';
            document.body.appendChild(d);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected") is None
    assert page.evaluate("window.handler") is None
    assert any("Content Security Policy" in r for r in open_page.refused)
    open_page.refused.clear()
