"""The objects on a PDF page — characters, lines, rectangles and curves — read by PDFium
(pypdfium2, which pdfplumber itself depends on) in the shape pdfplumber's text-line and table
finders take. pdfminer, which pdfplumber uses to interpret a page, parses content streams in
Python: about 60 ms a page for a report's page against PDFium's 10 ms. The tables and lines are
still found by pdfplumber; only where its objects come from changes.

A page PDFium cannot place the way pdfminer does (a rotated page) keeps pdfplumber's own objects.
"""
from __future__ import annotations

import ctypes
import math
import threading
from contextlib import contextmanager
from typing import Iterator

from pdfplumber.page import Page

from .memory import InMemory

# PDFium is not thread-safe: the web server reads uploads from several threads.
_LOCK = threading.RLock()


class PdfiumPage(Page):
    """A pdfplumber page whose objects PDFium read."""

    def __init__(self, page: Page, objects: dict[str, list[dict]]):
        super().__init__(page.pdf, page.page_obj, page.page_number, page.initial_doctop)
        self._pdfium_objects = objects

    def parse_objects(self) -> dict[str, list[dict]]:
        return self._pdfium_objects


@contextmanager
def pdfium_pages(pdf, path) -> Iterator[Iterator[Page]]:
    """The pages of a pdfplumber PDF opened from `path`, each with its objects read by PDFium."""
    import pypdfium2

    with _LOCK:
        document = pypdfium2.PdfDocument(path.data if isinstance(path, InMemory) else str(path))
        try:
            yield (_page(page, document) for page in pdf.pages)
        finally:
            document.close()


def _page(page: Page, document) -> Page:
    if page.rotation:
        return page
    pdfium_page = document[page.page_number - 1]
    try:
        height = pdfium_page.get_height()
        # pdfplumber measures from the top of the media box: top = height − y in PDF space.
        if abs(height - float(page.height)) > 0.01:
            return page
        place = _Place(height, float(page.initial_doctop), page.page_number)
        objects: dict[str, list[dict]] = {"char": _chars(pdfium_page, place)}
        for kind, item in _paths(pdfium_page.raw, place):
            objects.setdefault(kind, []).append(item)
    finally:
        pdfium_page.close()
    return PdfiumPage(page, {kind: items for kind, items in objects.items() if items})


_PLACES = 4


class _Place:
    """PDF space (y up) to pdfplumber's page space (y down from the top) and document space."""

    def __init__(self, height: float, doctop: float, number: int):
        self.height, self.doctop, self.number = height, doctop, number

    def box(self, kind: str, x0: float, y0: float, x1: float, y1: float) -> dict:
        # PDFium measures in single precision: 479.35 comes back as 479.3499755859375.
        x0, y0, x1, y1 = (round(value, _PLACES) for value in (x0, y0, x1, y1))
        top = round(self.height - y1, _PLACES)
        return {"object_type": kind, "page_number": self.number,
                "x0": x0, "x1": x1, "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0,
                "top": top, "bottom": round(self.height - y0, _PLACES), "doctop": self.doctop + top}


def _chars(page, place: _Place) -> list[dict]:
    """Every character the content stream draws (none PDFium made up for line ends), with its
    advance box: left to right as drawn, bottom at the baseline plus the font's descent, one font
    size high — the box pdfminer gives."""
    import pypdfium2.raw as pdfium

    text_page = page.get_textpage()
    handle = text_page.raw
    box, matrix = pdfium.FS_RECTF(), pdfium.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    name, flags, descent = ctypes.create_string_buffer(256), ctypes.c_int(), ctypes.c_float()
    fonts: dict[tuple[int | None, float], tuple[str, float]] = {}  # (text object, size): name, descent
    chars = []
    try:
        for index in range(pdfium.FPDFText_CountChars(handle)):
            if pdfium.FPDFText_IsGenerated(handle, index):
                continue
            code = pdfium.FPDFText_GetUnicode(handle, index)
            if not code:
                continue
            pdfium.FPDFText_GetMatrix(handle, index, matrix)
            # The size the letter is drawn at: Tf's size scaled by the text and page matrices
            # ("/F1 1 Tf 12 0 0 12 x y Tm" is 12 points), as pdfminer measures it.
            a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
            scale = abs(d) if b == c == 0 else math.sqrt(abs(a * d - b * c))
            size = round(pdfium.FPDFText_GetFontSize(handle, index) * scale, 4)
            key = (ctypes.cast(pdfium.FPDFText_GetTextObject(handle, index), ctypes.c_void_p).value, size)
            if key not in fonts:
                pdfium.FPDFText_GetFontInfo(handle, index, name, len(name), flags)
                font = pdfium.FPDFTextObj_GetFont(pdfium.FPDFText_GetTextObject(handle, index))
                low = descent.value if font and pdfium.FPDFFont_GetDescent(font, ctypes.c_float(size), descent) else 0.0
                fonts[key] = (name.value.decode("utf-8", "replace"), low)
            fontname, low = fonts[key]
            pdfium.FPDFText_GetLooseCharBox(handle, index, box)
            pdfium.FPDFText_GetCharOrigin(handle, index, x, y)
            bottom = y.value + low
            char = place.box("char", box.left, bottom, box.right, bottom + size)
            char.update(text=chr(code), size=size, fontname=fontname, adv=box.right - box.left,
                        upright=0 < a * d and b * c <= 0)
            chars.append(char)
    finally:
        text_page.close()
    return chars


_MOVE = 2  # FPDF_SEGMENT_MOVETO


def _paths(page, place: _Place) -> Iterator[tuple[str, dict]]:
    """Each subpath of the page's path objects (inside forms too) as pdfminer classes it: a
    single stroke is a line, four axis-parallel sides a rectangle, anything else a curve."""
    import pypdfium2.raw as pdfium

    matrix = pdfium.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def walk(objects, transform):
        for item in objects:
            kind = pdfium.FPDFPageObj_GetType(item)
            if kind not in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_FORM):
                continue
            pdfium.FPDFPageObj_GetMatrix(item, matrix)
            own = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), transform)
            if kind == pdfium.FPDF_PAGEOBJ_FORM:
                yield from walk((pdfium.FPDFFormObj_GetObject(item, index)
                                 for index in range(pdfium.FPDFFormObj_CountObjects(item))), own)
                continue
            pdfium.FPDFPath_GetDrawMode(item, fill, stroke)
            painted = {"fill": bool(fill.value), "stroke": bool(stroke.value),
                       "linewidth": _stroke_width(pdfium, item)}
            subpath: list[tuple[float, float]] = []
            for index in range(pdfium.FPDFPath_CountSegments(item)):
                segment = pdfium.FPDFPath_GetPathSegment(item, index)
                pdfium.FPDFPathSegment_GetPoint(segment, x, y)
                a, b, c, d, e, f = own
                point = (x.value * a + y.value * c + e, x.value * b + y.value * d + f)
                if pdfium.FPDFPathSegment_GetType(segment) == _MOVE and subpath:
                    yield from _shape(subpath, place, painted)
                    subpath = []
                subpath.append(point)
            yield from _shape(subpath, place, painted)

    objects = (pdfium.FPDFPage_GetObject(page, index) for index in range(pdfium.FPDFPage_CountObjects(page)))
    yield from walk(objects, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))


def _stroke_width(pdfium, item) -> float:
    width = ctypes.c_float()
    return round(width.value, 4) if pdfium.FPDFPageObj_GetStrokeWidth(item, width) else 0.0


def _compose(first: tuple, then: tuple) -> tuple:
    """The matrix that applies `first`, then `then` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = then
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _shape(points: list[tuple[float, float]], place: _Place, painted: dict) -> Iterator[tuple[str, dict]]:
    """The subpath as a line, rectangle or curve; nothing for a lone point (a move to nowhere)."""
    if len(points) < 2:
        return
    corners = points[:-1] if len(points) == 5 and points[0] == points[-1] else points
    xs = [point[0] for point in points]
    ys = [point[1] for point in points]
    if len(points) == 2:
        kind = "line"
    elif len(corners) == 4 and _axis_rectangle(corners):
        kind = "rect"
    else:
        kind = "curve"
    item = place.box(kind, min(xs), min(ys), max(xs), max(ys))
    item.update(painted)
    item["pts"] = [(round(px, _PLACES), round(place.height - py, _PLACES)) for px, py in points]
    yield kind, item


def _axis_rectangle(corners: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
