#!/usr/bin/python3
"""Coursebook as a screen reader meets it, through AT-SPI.

usage: screen_reader.py APP COURSE   (in an X server and a D-Bus session:
       tests/run-in-xvfb dbus-run-session -- /usr/bin/python3 tests/atspi/screen_reader.py ...)

Starts the real app on COURSE with Qt's accessibility on, as it is when Orca runs, and no
Qt WebEngine accessibility variable (the app must set what it needs), once on the page of the
course's first KWL chart, reflection and worksheet. Each time it walks the accessible tree
from the registry's desktop and checks that the page's headings and paragraphs, the contents'
modules and pages and every field and button of the Workbook pane are there with names; on
the first page it presses Alt+Right and checks that the reader gets the next page and is told
its title. Exits 1 with what was missing.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser

import pyatspi
from gi.repository import Atspi, Gio, GLib

WAIT_SECONDS = 45  # at most, for a page's content to reach the tree
APPEAR_SECONDS = 90  # at most, over two starts, for the app to appear: a first web engine start on a loaded machine is slow
RUN_SECONDS = 240  # for all the waits: under CTest's TIMEOUT, so a broken app fails, not times out
MAX_NODES = 20000  # a walk stops there: a runaway tree fails instead of hanging
FIELD_ROLES = {"text", "entry", "table cell", "push button", "toggle button", "check box", "combo box",
               "spin button", "radio button"}
KWL_COLUMNS = ("Know", "Want to learn", "Learned")
# What tells a reader where they are: the focus moving, a name changing, a document loading.
TELLING_EVENTS = ("focus:", "object:state-changed:focused", "object:property-change:accessible-name",
                  "document:load-complete")


def normalized(text):
    return " ".join(text.split()).casefold()  # CSS may upper-case what the reader gets


class PageText(HTMLParser):
    """The headings and paragraphs of a rendered page that a reader should get: those with
    text of their own, outside the facilitator notes that reading hides and closed <details>."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.open = []  # [tag, hidden, text parts or None, has child elements, closed]
        self.headings, self.paragraphs = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        parent = self.open[-1] if self.open else None
        hidden = (parent is not None and (parent[1] or (parent[0] == "details" and parent[4] and tag != "summary"))
                  or "facilitator-notes" in (attributes.get("class") or ""))
        for element in self.open:
            element[3] = True
        self.open.append([tag, hidden, [] if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p") else None, False,
                          "open" not in attributes])

    def handle_endtag(self, tag):
        while self.open:
            name, hidden, parts, nested, _ = self.open.pop()
            if parts is not None and not hidden and normalized("".join(parts)):
                if name == "p":
                    self.paragraphs.append(normalized("".join(parts)))
                elif not nested:  # a heading with markup inside (a card's) is read in pieces
                    self.headings.append(normalized("".join(parts)))
            if name == tag:
                return

    def handle_data(self, data):
        for element in self.open:
            if element[2] is not None:
                element[2].append(data)


def run_app(app, *args):
    return subprocess.run([app, *args], check=True, capture_output=True, text=True).stdout


def walk(root):
    """Every node under root, depth first. Nodes can vanish while a page loads: skip those."""
    nodes, stack = [], [root]
    while stack and len(nodes) < MAX_NODES:
        node = stack.pop()
        try:
            role, name, count = node.getRoleName(), node.name or "", node.childCount
            children = [node.getChildAtIndex(i) for i in range(count)]
        except GLib.GError:
            continue
        nodes.append((node, role, name))
        stack.extend(reversed([child for child in children if child is not None]))
    return nodes


def spoken_text(node):
    """What a reader says for a node: its name, else its children's text in order."""
    try:
        if node.name:
            return node.name
        return "".join(spoken_text(node.getChildAtIndex(i)) for i in range(node.childCount))
    except GLib.GError:
        return ""


def named(nodes, role, name):
    return [node for node, node_role, node_name in nodes if node_role == role and node_name == name]


RUN_DEADLINE = time.monotonic() + RUN_SECONDS


class AppSession:
    """The app started on one activity's page, and its accessible application."""

    def __init__(self, app, course, activity_id, home):
        env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", XDG_CONFIG_HOME=os.path.join(home, "config"),
                   QT_QPA_PLATFORM="xcb")
        env.pop("QTWEBENGINE_ENABLE_LINUX_ACCESSIBILITY", None)  # the app must expose its pages itself
        self.events = []
        pyatspi.Registry.getDesktop(0)  # starts the accessibility bus before the app looks for it
        self.app = None
        # Qt 6.4 now and then never registers a start on this bus (about one start in 15 here and
        # in CI: the app runs, the registry lists nothing). A second start is the workaround; it
        # is said in the log, and a second failure fails.
        for attempt in (1, 2):
            self.process = subprocess.Popen([app, "--course", course, "--data-dir", os.path.join(home, "data"),
                                             "--activity", activity_id], env=env)
            started = time.monotonic()
            self.wait_until(lambda: [] if self.find_application() else ["the app is not on the AT-SPI bus"],
                            APPEAR_SECONDS / 2)
            if self.app is not None:
                return
            desktop = pyatspi.Registry.getDesktop(0)
            on_bus = [(desktop.getChildAtIndex(i).name, desktop.getChildAtIndex(i).get_process_id())
                      for i in range(desktop.childCount) if desktop.getChildAtIndex(i) is not None]
            state = "still running" if self.process.poll() is None else f"exited with {self.process.returncode}"
            print(f"start {attempt}: after {time.monotonic() - started:.0f} s the app (pid {self.process.pid}) is "
                  f"{state}, {self.bus_connection()}; the registry lists: {on_bus}", flush=True)
            if attempt == 1:
                self.close()

    def bus_connection(self):
        """Whether the app holds a connection to the accessibility bus (Qt's bridge started)."""
        try:
            session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                                        GLib.VariantType("(s)"), 0, 5000, None).unpack()[0]
            bus = Gio.DBusConnection.new_for_address_sync(
                address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
                None, None)
            names = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListNames",
                                  None, GLib.VariantType("(as)"), 0, 5000, None).unpack()[0]
            for name in names:
                if name.startswith(":") and bus.call_sync(
                        "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                        "GetConnectionUnixProcessID", GLib.Variant("(s)", (name,)), GLib.VariantType("(u)"), 0, 5000,
                        None).unpack()[0] == self.process.pid:
                    return "connected to the accessibility bus"
            return "not connected to the accessibility bus"
        except GLib.GError as error:
            return f"accessibility bus not read ({error.message})"

    def find_application(self):
        desktop = pyatspi.Registry.getDesktop(0)
        # The registry's list now, not libatspi's copy, which lives on events the client may miss.
        desktop.set_cache_mask(Atspi.Cache.NONE)
        desktop.clear_cache()
        for i in range(desktop.childCount):
            candidate = desktop.getChildAtIndex(i)
            if candidate is not None and candidate.get_process_id() == self.process.pid:
                candidate.set_cache_mask(Atspi.Cache.NONE)  # read what the app says now, not a copy
                self.app = candidate
        return self.app

    def pump(self):
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass

    def wait_until(self, check, seconds=None):
        """Polls check() (a list of problems) until it has none; else returns the last ones."""
        deadline = min(time.monotonic() + (seconds or WAIT_SECONDS), RUN_DEADLINE)
        while True:
            self.pump()
            problems = check()
            if not problems or time.monotonic() > deadline or self.process.poll() is not None:
                return problems
            time.sleep(0.5)

    def listen(self, event):
        try:
            self.events.append((event.type, event.source.getRoleName(), event.source.name or "", event.detail1))
        except GLib.GError:
            pass

    def press(self, keys):
        window = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                                check=True, capture_output=True, text=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        subprocess.run(["xdotool", "key", keys], check=True)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "60", text], check=True)

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def page_problems(nodes, page, text):
    documents = [name for _, role, name in nodes if role == "document web"]
    if page["title"] not in documents:
        return [f"no web document named {page['title']!r} (documents: {documents})"]
    headings = {normalized(spoken_text(node)) for node, role, _ in nodes if role == "heading"}
    paragraphs = {normalized(spoken_text(node)) for node, role, _ in nodes if role == "paragraph"}
    return ([f"heading missing: {h!r}" for h in text.headings if h not in headings]
            + [f"paragraph missing: {p[:80]!r}" for p in text.paragraphs if p not in paragraphs])


def contents_problems(nodes, outline):
    trees = named(nodes, "tree", "Course contents")
    if not trees:
        return ["no tree named 'Course contents'"]
    items = [(role, name) for _, role, name in walk(trees[0])[1:] if role in ("table cell", "tree item")]
    names = {name for _, name in items}
    titles = [module["title"] for module in outline["modules"]]
    titles += [page["title"] for module in outline["modules"] for page in module["pages"]]
    return ([f"contents item without a name ({role})" for role, name in items if not name]
            + [f"contents lack {title!r}" for title in titles if title not in names])


def workbook_problems(nodes, activities):
    panes = named(nodes, "frame", "Workbook")
    if not panes:
        return ["no Workbook pane"]
    pane = walk(panes[0])
    problems = []
    for activity in activities:
        panels = [node for node, role, name in pane if name == activity["title"] and role in ("frame", "panel", "filler")]
        if not panels:
            problems.append(f"no Workbook panel named {activity['title']!r}")
            continue
        fields = [(role, name) for _, role, name in walk(panels[0])[1:] if role in FIELD_ROLES]
        where = f"{activity['kind']} {activity['id']}"
        problems += [f"{where}: a {role} without a name" for role, name in fields if not name.strip()]
        roles = {role for role, _ in fields}
        problems += [f"{where}: no {role}" for role in ("check box", "push button") if role not in roles]
        names = {name for _, name in fields}
        if activity["kind"] == "kwl":
            problems += [f"{where}: no cell named {column + ', row 1'!r}" for column in KWL_COLUMNS
                         if column + ", row 1" not in names]
        elif activity["kind"] == "reflection" and f"Reflection: {activity['title']}" not in names:
            problems.append(f"{where}: no text box named 'Reflection: {activity['title']}'")
        elif activity["kind"] == "worksheet" and "table cell" not in roles:
            problems.append(f"{where}: no table cells")
    return problems


def search_problems(nodes, word):
    """The course search as a reader meets it: the field and the results list by name, each
    result named, and the count in the status line."""
    problems = [] if named(nodes, "text", "Search course") else ["no text field named 'Search course'"]
    lists = named(nodes, "list", "Search results")
    if not lists:
        return problems + ["no list named 'Search results'"]
    items = [name for _, role, name in walk(lists[0])[1:] if role == "list item"]
    if not any(word.casefold() in name.casefold() for name in items):
        problems.append(f"no result names {word!r} (results: {items[:5]})")
    problems += [f"a result without a name" for name in items if not name.strip()]
    counts = [name for _, role, name in nodes if role == "label" and name.startswith("Search results: ")
              and name.endswith(("result", "results"))]
    return problems + ([] if counts else ["no status label telling the result count"])


def note_problems(nodes, word):
    """The notes pane as a reader meets it: its editor by name, focused, holding what was typed."""
    editors = named(nodes, "text", "My note on this page")
    if not editors:
        return ["no text field named 'My note on this page'"]
    editor = editors[0]
    problems = [] if editor.getState().contains(pyatspi.STATE_FOCUSED) else ["the note's editor does not have the focus"]
    text = editor.queryText()
    typed = text.getText(0, text.characterCount)
    return problems + ([] if word in typed else [f"the note holds {typed!r}, not {word!r}"])


def telling(events, title):
    """The events that tell the reader a page's title: the focus moving to, or a name changing
    to, something that says it (the window, the document, the focused contents item)."""
    return [event for event in events if title in event[2] and (event[0] != "object:state-changed:focused" or event[3] == 1)]


def main():
    app, course = sys.argv[1:3]
    outline = json.loads(run_app(app, "--course", course, "--list"))
    pages = [page for module in outline["modules"] for page in module["pages"]]
    chosen = []
    for kind in ("kwl", "reflection", "worksheet"):
        page = next(p for p in pages if any(a["kind"] == kind for a in p["activities"]))
        chosen.append((page, next(a for a in page["activities"] if a["kind"] == kind)))
    failures = []

    def expect(what, problems):
        print(("FAIL: " if problems else "ok: ") + what, flush=True)
        failures.extend(f"{what}: {problem}" for problem in problems)

    def page_check(session, page):
        text = PageText(run_app(app, "--course", course, "--render", page["id"]))
        return lambda: page_problems(walk(session.app), page, text)

    for number, (page, activity) in enumerate(chosen):
        with tempfile.TemporaryDirectory() as home:
            session = AppSession(app, course, activity["id"], home)
            try:
                if session.app is None:
                    expect(f"the app appears on the AT-SPI bus ({activity['id']})", ["it did not"])
                    continue
                expect(f"page {page['id']}: the document, its headings and paragraphs",
                       session.wait_until(page_check(session, page)))
                expect(f"page {page['id']}: every Workbook field has a name",
                       session.wait_until(lambda: workbook_problems(walk(session.app), page["activities"])))
                if number > 0:
                    continue
                expect("the contents list every module and page by name",
                       session.wait_until(lambda: contents_problems(walk(session.app), outline)))
                turned_to = pages[pages.index(page) + 1]
                pyatspi.Registry.registerEventListener(session.listen, *TELLING_EVENTS)
                session.press("alt+Right")
                expect(f"Alt+Right turns the reader's page to {turned_to['id']}",
                       session.wait_until(page_check(session, turned_to)))
                old_title = normalized(page["title"])
                expect("the old page's title heading is gone",
                       [] if old_title not in {normalized(spoken_text(n)) for n, r, _ in walk(session.app) if r == "heading"}
                       else [f"heading {page['title']!r} still there"])
                told = lambda: telling(session.events, turned_to["title"])
                expect("the reader is told the new page's title",
                       session.wait_until(lambda: [] if told() else [f"by none of {session.events[-20:]}"]))
                print(f"    told by: {told()}", flush=True)
                # Ctrl+Shift+N: the notes pane's editor, by its name, with the note typed into it;
                # Ctrl+D there bookmarks the page, and the reader is told.
                session.press("ctrl+shift+n")
                session.type("remember")
                expect("Ctrl+Shift+N: the notes pane's editor by name, focused, with the note typed",
                       session.wait_until(lambda: note_problems(walk(session.app), "remember")))
                session.events.clear()
                session.press("ctrl+d")
                bookmarked = lambda: [e for e in session.events if e[0] == "object:property-change:accessible-name"
                                      and e[2].startswith("Bookmarks: Bookmark added")]
                expect("Ctrl+D: the reader is told the bookmark was added",
                       session.wait_until(lambda: [] if bookmarked() else [f"by none of {session.events[-20:]}"]))
                # Ctrl+K: the search field, its results and their count, and the reader told the count.
                word = max(turned_to["title"].split(), key=len).strip(".,:;!?")
                session.events.clear()
                session.press("ctrl+k")
                session.type(word)
                expect(f"the course search for {word!r}: field, named results and their count",
                       session.wait_until(lambda: search_problems(walk(session.app), word)))
                counted = lambda: [e for e in session.events if e[0] == "object:property-change:accessible-name"
                                   and e[2].startswith("Search results: ") and e[2].endswith(("result", "results"))]
                expect("the reader is told the result count",
                       session.wait_until(lambda: [] if counted() else [f"by none of {session.events[-20:]}"]))
                pyatspi.Registry.deregisterEventListener(session.listen, *TELLING_EVENTS)
            finally:
                session.close()
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
