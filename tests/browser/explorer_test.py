#!/usr/bin/env python3
"""The explorer in a real browser: Debian's chromium, driven by Selenium, against a real
`newsgraph serve` on loopback over a real store built from the examples and two articles
written for this test.

Types a name, picks the suggestion with the keyboard, waits for the ego network, clicks an
edge and reads its evidence sentence, hides a relation class, shows co-occurrence, moves
the time slider, reloads the URL and finds the same view, checks which API requests the page made, and
saves a screenshot. Prints how long the ego network took to load and draw. With
--db STORE (say, the 25k-article pool's), also opens --hub there and prints its timing.

Exit codes: 0 passed, 1 failed, 77 skipped (no chromium, chromedriver or selenium).
usage: explorer_test.py --newsgraph BINARY --artifacts DIR [--db STORE --hub NAME]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
ARTICLES = {
    "tokyo.txt": "Jepang Kecam Uji Rudal Korea Utara\nRabu, 15 Maret 2023 09:00 WIB\n\n"
                 "Perdana Menteri Jepang Fumio Kishida mengecam Korea Utara atas uji rudal balistik.\n\n"
                 "Kishida bertemu Presiden Korea Selatan Yoon Suk Yeol di Tokyo untuk membahas keamanan.\n",
    "seoul.txt": "Korea Selatan dan Jepang Sepakati Kerja Sama\nKamis, 16 Maret 2023 10:00 WIB\n\n"
                 "Presiden Korea Selatan Yoon Suk Yeol dan Perdana Menteri Jepang Fumio Kishida sepakat "
                 "memperkuat kerja sama keamanan.\n\nKorea Utara menuduh Jepang dan Korea Selatan memicu ketegangan.\n",
}


def skip(reason):
    print("explorer_test: SKIPPED: " + reason)
    sys.exit(SKIP)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--newsgraph", required=True)
    p.add_argument("--artifacts", required=True)
    p.add_argument("--db", help="serve this store instead of one built here (its hub is timed)")
    p.add_argument("--hub", default="Indonesia")
    args = p.parse_args()
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        skip("chromium and chromium-driver are not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import Select, WebDriverWait
        from selenium.common.exceptions import StaleElementReferenceException
    except ImportError:
        skip("python3-selenium is not installed")

    work = tempfile.mkdtemp(prefix="newsgraph-explorer-")
    server = None
    driver = None
    try:
        db = args.db
        if not db:
            db = os.path.join(work, "explorer.db")
            articles = os.path.join(work, "articles")
            os.mkdir(articles)
            for name, text in ARTICLES.items():
                with open(os.path.join(articles, name), "w") as f:
                    f.write(text)
            examples = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "examples")
            for folder in (examples, articles):
                subprocess.run([args.newsgraph, "ingest", "--quiet", "--db", db, folder], check=True,
                               stdout=subprocess.DEVNULL)
        server = subprocess.Popen([args.newsgraph, "serve", "--port", "0", "--db", db], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        line = server.stdout.readline()
        assert "listening on http://" in line, line
        base = line.split("listening on ")[1].strip().replace("/api/v1", "")

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        # A panel the explorer redraws may replace an element between finding it and
        # reading it: the wait asks again instead of failing.
        wait = WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException])
        driver.get(base + "/")
        assert "newsgraph" in driver.title

        if args.db:
            return time_hub(driver, wait, By, Keys, base, args.hub)

        # Type a name, pick the suggestion with the keyboard.
        box = driver.find_element(By.ID, "q")
        box.send_keys("Kishida")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions li[role=option]"))
        first = driver.find_element(By.CSS_SELECTOR, "#suggestions li[role=option]")
        assert first.get_attribute("data-id") == "fumio_kishida", first.get_attribute("data-id")
        box.send_keys(Keys.ENTER)

        # The ego network is drawn around it.
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "g.node")) >= 3)
        center = driver.find_element(By.CSS_SELECTOR, "g.node.center")
        assert center.get_attribute("data-id") == "fumio_kishida"
        ids = {n.get_attribute("data-id") for n in driver.find_elements(By.CSS_SELECTOR, "g.node")}
        assert {"japan", "north_korea"} <= ids, ids
        print("explorer_test: ego network of Fumio Kishida: %d nodes, drawn in %s ms" %
              (len(ids), driver.execute_script("return document.body.dataset.drawnMs")))
        assert "entity=fumio_kishida" in driver.current_url
        wait.until(lambda d: "Fumio Kishida" in d.find_element(By.ID, "details").text)
        wait.until(lambda d: "(new)" in d.find_element(By.ID, "details").text)  # its merge log
        assert not driver.find_element(By.ID, "status").text.startswith("Cannot"), driver.find_element(By.ID, "status").text

        # Click an edge: its evidence sentence, article and rule.
        edges = driver.find_elements(By.CSS_SELECTOR, "line.link")
        assert edges and not any("cooccurs" in e.get_attribute("class") for e in edges)  # hidden at first
        titles = [e.find_element(By.TAG_NAME, "title").get_attribute("textContent") for e in edges]
        print("explorer_test: edges drawn: " + "; ".join(titles))
        his = [e for e, t in zip(edges, titles) if t.startswith("Fumio Kishida") and "MEMBER_OF" not in t and "LEADS" not in t]
        assert his, titles
        edge = his[0]
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details .evidence blockquote"))
        sentence = driver.find_element(By.CSS_SELECTOR, "#details .evidence blockquote").text
        source = driver.find_element(By.CSS_SELECTOR, "#details .evidence .source").text
        assert "Kishida" in sentence, sentence
        assert "2023-03-1" in source, source
        print("explorer_test: edge evidence: " + sentence)
        # Two relations between the same pair (MEET and COOPERATE): the panel gives both.
        # MEET is symmetric: its two parties are stored in either order.
        meet = [e for e, t in zip(edges, titles)
                if "Yoon Suk Yeol MEET Fumio Kishida" in t or "Fumio Kishida MEET Yoon Suk Yeol" in t]
        assert meet, titles
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", meet[0])
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#details h2").get_attribute("textContent")
                   .startswith("2 relation(s) between"))
        panel = driver.find_element(By.ID, "details").text
        assert "MEET" in panel and "COOPERATE" in panel, panel

        # Filters: one predicate, then no countries, then back.
        def link_titles():
            return [e.find_element(By.TAG_NAME, "title").get_attribute("textContent")
                    for e in driver.find_elements(By.CSS_SELECTOR, "line.link")]
        Select(driver.find_element(By.ID, "predicate")).select_by_value("ACCUSE")
        titles = link_titles()
        assert titles and all(" ACCUSE " in t for t in titles), titles
        assert "predicate=ACCUSE" in driver.current_url
        Select(driver.find_element(By.ID, "predicate")).select_by_value("")
        driver.find_element(By.CSS_SELECTOR, "#types input[value=COUNTRY]").click()
        shown_ids = {n.get_attribute("data-id") for n in driver.find_elements(By.CSS_SELECTOR, "g.node")}
        assert not shown_ids & {"japan", "north_korea", "south_korea"}, shown_ids
        assert "fumio_kishida" in shown_ids
        driver.find_element(By.CSS_SELECTOR, "#types input[value=COUNTRY]").click()
        assert "japan" in {n.get_attribute("data-id") for n in driver.find_elements(By.CSS_SELECTOR, "g.node")}
        # Hide a relation class, then show co-occurrence.
        before = len(driver.find_elements(By.CSS_SELECTOR, "line.link"))
        for box_id in ("verbal-conflict", "roles"):
            driver.find_element(By.CSS_SELECTOR, "#quads input[data-quad='%s']" % box_id).click()
        after = len(driver.find_elements(By.CSS_SELECTOR, "line.link"))
        assert after < before, (before, after)
        assert "hide=" in driver.current_url
        driver.find_element(By.ID, "cooccurs").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "line.link.cooccurs"))

        # The time window: the slider moved to the last publication date leaves only what
        # was seen on that day.
        shown = len(driver.find_elements(By.CSS_SELECTOR, "line.link"))
        driver.execute_script("const s = document.getElementById('since'); s.value = s.max; "
                              "s.dispatchEvent(new Event('input'));")
        last_day = driver.find_element(By.ID, "since-label").text
        assert last_day == "2023-03-16", last_day
        assert "since=2023-03-16" in driver.current_url
        titles = [e.find_element(By.TAG_NAME, "title").get_attribute("textContent")
                  for e in driver.find_elements(By.CSS_SELECTOR, "line.link")]
        assert 0 < len(titles) < shown, (shown, titles)
        assert all(t.endswith(" to 2023-03-16") for t in titles), titles

        # Paths from the centre to a neighbour's neighbour, drawn and listed.
        target = driver.find_element(By.CSS_SELECTOR, "g.node[data-id='south_korea']")
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", target)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details button.show-paths"))
        driver.find_element(By.CSS_SELECTOR, "#details button.show-paths").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details ol.paths li"))
        first_path = driver.find_element(By.CSS_SELECTOR, "#details ol.paths li").text
        assert first_path.startswith("Fumio Kishida") and first_path.endswith("South Korea"), first_path
        assert driver.find_elements(By.CSS_SELECTOR, "line.link.path")

        # Colour by community: the Louvain communities the server computed.
        driver.find_element(By.CSS_SELECTOR, "input[name=colour][value=community]").click()
        fill = driver.find_element(By.CSS_SELECTOR, "g.node.center circle").get_attribute("fill")
        assert fill != "#1a73e8", fill  # no longer the colour of people
        assert "colour=community" in driver.current_url

        # The URL reproduces the view.
        url = driver.current_url
        driver.get("about:blank")
        driver.get(url)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "line.link.cooccurs"))
        assert driver.find_element(By.CSS_SELECTOR, "g.node.center").get_attribute("data-id") == "fumio_kishida"
        assert not driver.find_element(By.CSS_SELECTOR, "#quads input[data-quad='roles']").is_selected()

        # The requests the page made: only this server's API.
        requested = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        assert all(r.startswith(base) for r in requested), requested
        assert any("/api/v1/subgraph?" in r and "cooccurs=true" in r for r in requested), requested
        os.makedirs(args.artifacts, exist_ok=True)
        shot = os.path.join(args.artifacts, "explorer.png")
        driver.save_screenshot(shot)
        print("explorer_test: screenshot " + shot)

        status = driver.find_element(By.ID, "status").text
        assert "entities" in status and "relations shown" in status, status  # no error reported
        # A misspelt name still finds the entity.
        box = driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys("Kishda")
        wait.until(lambda d: "Did you mean" in d.find_element(By.ID, "suggestions").text)
        # PNG of what is shown: the download link the page makes holds a real PNG.
        driver.execute_script(
            "window.pngMade = null; const click = HTMLAnchorElement.prototype.click;"
            "HTMLAnchorElement.prototype.click = function () {"
            "  if (this.download && this.href.startsWith('data:image/png')) window.pngMade = this.href;"
            "  else click.call(this); };")
        driver.find_element(By.ID, "export-png").click()
        wait.until(lambda d: d.execute_script("return window.pngMade"))
        png = driver.execute_script("return window.pngMade")
        assert len(png) > 5000, len(png)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
        print("explorer_test: passed")
        return 0
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def time_hub(driver, wait, By, Keys, base, hub):
    """Opens a hub of a big store, as a user would, and prints how long it took."""
    box = driver.find_element(By.ID, "q")
    box.send_keys(hub)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions li[role=option]"))
    start = time.perf_counter()
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: d.execute_script("return document.body.dataset.drawnMs"))
    seen = (time.perf_counter() - start) * 1000
    nodes = len(driver.find_elements(By.CSS_SELECTOR, "g.node"))
    print("explorer_test: %s: %d nodes (capped), loaded and drawn in %s ms by the page's clock, %.0f ms seen by the "
          "test" % (hub, nodes, driver.execute_script("return document.body.dataset.drawnMs"), seen))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print("explorer_test: FAILED: %r" % (e,))
        sys.exit(1)
