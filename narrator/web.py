"""`narrator serve`: the web pages and the JSON API — one more thin layer over the library, like
cli.py: it calls the same functions (load, import, evaluate, compose, render, check, annotate) and
prints their results as pages (templates/web/) instead of terminal lines.

Safety: uploads are written under their cleaned names into a temporary folder that is deleted when
the request (or, for a batch, its job) ends; no path from the user reaches the file system. A
request larger than MAX_REQUEST_BYTES, or with more than MAX_FILES files, is refused with 413
before it is read. Outputs (DOCX, PDF, workbooks) stay in memory for DOWNLOAD_SECONDS under a
random key. Served on another host than 127.0.0.1, every request must carry the token
(`?token=`, once, sets a cookie; or the header `X-Narrator-Token`).
"""
import asyncio
import dataclasses
import io
import multiprocessing
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import uuid
from collections import Counter, OrderedDict
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from .api import draft, is_input
from .checking.across import load_targets
from .checking.checker import CheckResult, check_document, last_year_report
from .checking.reporters import annotate, json_report, table_lines
from .core import lexicon
from .core.errors import NarratorError, message, write_error_log
from .core.lexicon import placeholder_pattern
from .core.output import safe_file_name
from .core.resources import data_path
from .core.version import DEFAULT_SEED
from .drafting.compose import Heading
from .drafting.compose import Paragraph as DraftParagraph
from .drafting.questions import apply_answers, check_answer, is_skip, questions
from .drafting.render import convert_to_pdf, soffice
from .forms.scoring import rule_set, rule_set_names
from .recognise.tables import document_year, unit_name
from .recognise.targets import import_project_targets, import_targets
from .sources import kinds
from .sources.load import load_report
from .sources.document import Paragraph as SourceParagraph
from .sources.read import read_document
from .sources.save import input_workbook_bytes, workbook_bytes, yaml_text
from .statements.extract import pipeline

MAX_REQUEST_BYTES = 50 * 1024 * 1024
MAX_FILES = 50
DOWNLOAD_SECONDS = 3600
MAX_DOWNLOADS = 200
MAX_JOBS = 100  # batches whose results are kept for their pages
TOKEN_COOKIE = "narrator_token"
TOKEN_HEADER = "x-narrator-token"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YAML_TYPE = "application/yaml"


# The HTTP status of an error the page shows (or the API returns as JSON), by its message key; 400 else.
STATUS = {"web_too_large": 413, "web_too_many_files": 413, "web_download_gone": 404, "web_job_unknown": 404,
          "soffice_missing": 404, "pdf_failed": 500}


# ---------------------------------------------------------------- what the server keeps

@dataclass
class Download:
    name: str
    media_type: str
    data: bytes
    created: float = field(default_factory=time.monotonic)


class Downloads:
    """Outputs kept in memory for a while under a random key; the oldest go first."""

    def __init__(self):
        self._items: OrderedDict[str, Download] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, name: str, media_type: str, data: bytes) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._items[key] = Download(name, media_type, data)
            now = time.monotonic()
            while self._items and (len(self._items) > MAX_DOWNLOADS or
                                   now - next(iter(self._items.values())).created > DOWNLOAD_SECONDS):
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Download | None:
        with self._lock:
            item = self._items.get(key)
        if item is None or time.monotonic() - item.created > DOWNLOAD_SECONDS:
            return None
        return item


@dataclass
class Job:
    """A batch of reports checked in a thread; the page polls its progress."""
    names: list[str]
    done: int = 0
    results: list[dict] = field(default_factory=list)
    summary: str = ""  # key of the summary workbook, when done
    finished: bool = False


class BodyLimit:
    """Counts the request body as it arrives, so that a body sent without a Content-Length (chunked)
    is refused with 413 as soon as it passes the limit, not after it is stored."""

    def __init__(self, app, limit: int = MAX_REQUEST_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            event = await receive()
            seen += len(event.get("body", b""))
            if seen > self.limit:
                raise NarratorError("web_too_large", limit=self.limit // (1024 * 1024))
            return event

        await self.app(scope, counted, send)


# ---------------------------------------------------------------- uploads

class Uploads:
    """The uploaded files of one request in a temporary folder, under their cleaned names."""

    def __init__(self, files: list[tuple[str, bytes]]):
        self.folder = Path(tempfile.mkdtemp(prefix="narrator-web-"))
        self.paths: list[Path] = []
        for number, (name, data) in enumerate(files, start=1):
            name = safe_file_name(Path(name.replace("\\", "/")).name)
            path = self.folder / f"{number}" / name
            path.parent.mkdir()
            path.write_bytes(data)
            self.paths.append(path)

    def clean(self, text: str) -> str:
        """A message without the temporary folder in it."""
        return re.sub(re.escape(str(self.folder)) + r"/\d+/", "", text)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# ---------------------------------------------------------------- the work, as the CLI does it

def self_review(findings) -> list[str]:
    """The draft's self-review as the CLI words it: a count, then each finding on its place."""
    if not findings:
        return []
    return [message("self_check_findings", count=len(findings)),
            *(f"{finding.code} {finding.location.describe()}：{finding.message}" for finding in findings)]


def check_upload(path: Path, rule_set: str = "national", approved=None, last_year=None):
    """(CheckResult, source document or None); a file that cannot be read gives a result with its error.
    `approved`: the approved target table(s) to compare the self-evaluation with (check --targets);
    `last_year`: last year's report of the unit (check --last-year)."""
    try:
        document = read_document(path)
        return check_document(document, rule_set=rule_set, approved=approved, last_year=last_year), document
    except NarratorError as error:
        return CheckResult(file=str(path), error=error), None


def _as_uploaded(report, uploads: Uploads):
    """A report read from an upload, its rows naming the file as uploaded, not its temporary copy."""
    report.source = uploads.clean(report.source)
    for indicator in report.indicators:
        if indicator.origin is not None:
            indicator.origin = dataclasses.replace(indicator.origin, file=uploads.clean(indicator.origin.file))
    return report


def annotated_bytes(path: Path, result) -> bytes | None:
    if not kinds.is_kind(path, kinds.DOCX) or result.error:
        return None
    output = path.with_name(annotated_name(path))
    annotate(path, result, output, force=True)
    try:
        return output.read_bytes()
    finally:
        output.unlink(missing_ok=True)


def report_view(document, result) -> list[dict]:
    """The report's blocks for the page, each finding's figure marked where it stands and its message
    beside it: paragraphs as runs of (text, finding index or None), tables as rows of such cells."""
    numbered = {id(finding): number for number, finding in enumerate(result.findings, start=1)}
    by_paragraph: dict[int, list] = {}
    by_cell: dict[tuple[int, int, int | None], list] = {}
    unplaced = []
    for finding in result.findings:
        where = finding.location
        if where.paragraph is not None:
            by_paragraph.setdefault(where.paragraph, []).append(finding)
        elif where.table is not None and where.row is not None:
            by_cell.setdefault((where.table, where.row, where.column_index), []).append(finding)
        else:
            unplaced.append(finding)
    blocks = []
    for block in document.blocks:
        if isinstance(block, SourceParagraph):
            found = by_paragraph.get(block.number, [])
            marks = [(f.location.start, f.location.end, numbered[id(f)]) for f in found
                     if f.location.start is not None]
            blocks.append({"kind": "paragraph", "runs": _runs(block.text, marks),
                           "notes": [numbered[id(f)] for f in found]})
        else:
            rows = []
            notes = []
            for r, cells in enumerate(block.rows, start=1):
                row = []
                for c, text in enumerate(cells):
                    found = by_cell.get((block.number, r, c), [])
                    if c == 0:
                        found = found + by_cell.get((block.number, r, None), [])
                    marks = []
                    for f in found:
                        start = text.find(f.claimed) if f.claimed else -1
                        marks.append((start, start + len(f.claimed), numbered[id(f)]) if start >= 0
                                     else (0, len(text), numbered[id(f)]))
                        notes.append(numbered[id(f)])
                    row.append(_runs(text, marks))
                rows.append(row)
            blocks.append({"kind": "table", "rows": rows, "notes": notes})
    if unplaced:
        blocks.insert(0, {"kind": "paragraph", "runs": [], "notes": [numbered[id(f)] for f in unplaced]})
    return blocks


def _runs(text: str, marks: list[tuple[int, int, int]]) -> list[tuple[str, int | None]]:
    """Split `text` at the marked spans (the first of overlapping spans wins)."""
    runs, at = [], 0
    for start, end, number in sorted(marks):
        if start < at or start < 0:
            continue
        if start > at:
            runs.append((text[at:start], None))
        runs.append((text[start:end] or "▲", number))
        at = end
    if at < len(text):
        runs.append((text[at:], None))
    return runs


def draft_view(document) -> tuple[list[dict], list[str]]:
    """The drafted report's blocks with each 【待补充：…】 placeholder numbered, for links from the list."""

    counter = [0]
    gaps: list[str] = []

    def pieces(text: str) -> list[tuple[str, int | None]]:
        out, at = [], 0
        for match in placeholder_pattern().finditer(text):
            if match.start() > at:
                out.append((text[at:match.start()], None))
            counter[0] += 1
            gaps.append(match.group())
            out.append((match.group(), counter[0]))
            at = match.end()
        if at < len(text):
            out.append((text[at:], None))
        return out

    blocks = []
    for block in document.blocks:
        if isinstance(block, Heading):
            blocks.append({"kind": "heading", "level": block.level, "text": block.text})
        elif isinstance(block, DraftParagraph):
            blocks.append({"kind": "paragraph", "runs": pieces(block.text), "suggestion": block.suggestion})
        else:
            blocks.append({"kind": "table", "headers": block.headers,
                           "rows": [[pieces(cell) for cell in row] for row in block.rows]})
    return blocks, gaps


def report_year(document) -> str:
    """The year in the report's first paragraphs (its title, “（2022年度）”), or ""."""
    year = document_year(document)
    return str(year) if year else ""


def annotated_name(path: Path) -> str:
    """The annotated copy's name, as `check --annotate` would call it."""
    return message("annotated_name", stem=path.stem)


def summary_workbook(rows: list[dict]) -> bytes:
    """One row per report: file, unit, year, coverage, findings by code — written with pandas."""
    import pandas as pd

    codes = sorted({code for row in rows for code in row["codes"]})
    labels = message("web_summary_columns").split("|")
    table = pd.DataFrame([[row["name"], row["unit"], row["year"], row["figures"], row["linked"], row["unlinked"],
                           row["count"], row["error"], *(row["codes"].get(code, 0) for code in codes)]
                          for row in rows], columns=[*labels, *codes])
    import openpyxl

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name=message("web_summary_sheet"))
    return workbook_bytes(openpyxl.load_workbook(buffer))  # fixed timestamps: the same rows, the same bytes


# ---------------------------------------------------------------- the application

def pages() -> Environment:
    return Environment(loader=FileSystemLoader(str(data_path("templates") / "web")),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def create_app(token: str | None = None, templates: str | Path | None = None,
               patterns: str | Path | None = None) -> FastAPI:
    """The FastAPI application; `token` (when given) is required on every request. `templates` (a folder of the
    unit's own templates) and `patterns` (a word list `narrator mine` wrote) shape every draft, as
    `narrator draft --templates --patterns` does."""
    app = FastAPI(title="narrator", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(BodyLimit)
    app.state.downloads = Downloads()
    app.state.jobs = {}
    env = pages()

    def page(template: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=status)

    def failed(request: Request, text: str, status: int = 400):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"错误": text}, status_code=status)
        return page("error.html", status, message=text)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token is not None:
            given = (request.headers.get(TOKEN_HEADER) or request.query_params.get("token")
                     or request.cookies.get(TOKEN_COOKIE))
            if not given or not secrets.compare_digest(given, token):
                return failed(request, message("web_token_required"), 401)
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_REQUEST_BYTES:
            return failed(request, message("web_too_large", limit=MAX_REQUEST_BYTES // (1024 * 1024)), 413)
        response = await call_next(request)
        if token is not None and request.query_params.get("token") == token:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    async def uploaded(request: Request, again: bool = False) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
        """The request's files (field `file`, one or more) and its other fields; with `again`, the field
        `again` may name an input uploaded before (kept in memory, to draft it with another seed).
        Approved target tables (field `targets`, optional) are kept in request.state.targets."""
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=50)
        except NarratorError:
            raise  # BodyLimit: too large
        except Exception as error:  # noqa: BLE001 — python-multipart's limits and malformed bodies
            if "Too many files" in str(error):
                raise NarratorError("web_too_many_files", limit=MAX_FILES) from None
            raise NarratorError("web_bad_request") from None
        files, fields, extra = [], {}, {}
        for key, value in form.multi_items():
            if hasattr(value, "read"):
                if key in ("file", "targets", "last_year") and value.filename:
                    data = (value.filename, await value.read())
                    if key == "file":
                        files.append(data)
                    else:
                        extra.setdefault(key, []).append(data)
            else:
                fields[key] = str(value)
        if not files and again and fields.get("again"):
            item = request.app.state.downloads.get(fields["again"])
            if item is None:
                raise NarratorError("web_download_gone")
            files = [(item.name, item.data)]
        if not files:
            raise NarratorError("web_no_file")
        if len(files) + sum(map(len, extra.values())) > MAX_FILES:
            raise NarratorError("web_too_many_files", limit=MAX_FILES)
        request.state.targets = extra.get("targets", [])
        request.state.last_year = extra.get("last_year", [])[:1]
        return files, fields

    def approved_tables(request: Request):
        """The target tables uploaded with the reports: one (compared with every report, which must be of
        its unit and year), several (each report meets its own), or none."""
        targets = getattr(request.state, "targets", [])
        if not targets:
            return None
        uploads = Uploads(targets)
        try:
            tables = run(uploads, lambda: tuple(load_targets(path)[0] for path in uploads.paths))
        finally:
            uploads.close()
        for table in tables:
            _as_uploaded(table, uploads)
        return tables[0] if len(tables) == 1 else tables

    def last_year_table(request: Request):
        """Last year's report uploaded with the reports (field `last_year`, optional), as its tables say it."""
        last = getattr(request.state, "last_year", [])
        if not last:
            return None
        uploads = Uploads(last)
        try:
            report = run(uploads, lambda: last_year_report(uploads.paths[0]))
        finally:
            uploads.close()
        return _as_uploaded(report, uploads)

    def options(fields: dict[str, str]) -> tuple[str, int, bool, str]:
        form = fields.get("form", "整体")
        if form not in ("整体", "项目"):
            raise NarratorError("web_bad_option", name="form")
        seed = fields.get("seed", "") or str(DEFAULT_SEED)
        if not re.fullmatch(r"\d{1,9}", seed):
            raise NarratorError("web_bad_seed")
        rules = fields.get("rules", "national")
        if rules not in rule_set_names():
            raise NarratorError("scoring_rules_unknown", name=rules, known="、".join(rule_set_names()))
        return form, int(seed), fields.get("scoring") in ("1", "on", "true"), rules

    def outline_of(fields: dict[str, str]) -> str | None:
        """The outline the form asks for ("" or absent: the input's 报告提纲, else the default)."""
        outline = fields.get("outline", "")
        if outline and outline not in lexicon.wording()["outlines"]:
            raise NarratorError("web_bad_option", name="outline")
        return outline or None

    def run(uploads: Uploads, work):
        try:
            return work()
        except NarratorError as error:
            raise error.with_paths(uploads.clean) from None

    # ------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse)
    def home():
        return page("home.html")

    @app.get("/draft", response_class=HTMLResponse)
    def draft_form():
        return page("draft.html", rules=rule_choices(), seed=DEFAULT_SEED, outlines=lexicon.wording()["outlines"])

    async def drafted(request: Request, again: bool = False, ask: bool = False):
        """The upload drafted as the form's options ask: (fields, file, result, questions page or None).
        With `ask`, an input (not a target table to import) with questions only the officer can answer
        gets the page that asks them instead of a draft, until it is answered (fields answer-N) or the
        officer drafts without answering (field asked=skip); answered, the draft is of the answered input."""
        files, fields = await uploaded(request, again)
        form, seed, scoring, rules = options(fields)
        uploads = Uploads(files[:1])
        try:
            path = uploads.paths[0]
            report = None
            if ask and form == "整体" and fields.get("asked") != "skip" and is_input(path):
                report = await _in_thread(lambda: run(uploads, lambda: _as_uploaded(load_report(path), uploads)))
                asked = questions(report)
                if asked:
                    given = fields.get("asked") == "answer"
                    values = {q.key: fields.get(f"answer-{n}", "").strip() for n, q in enumerate(asked, 1)}
                    answers = {key: text for key, text in values.items() if text and not is_skip(text)}
                    errors = {} if not given else await _in_thread(lambda: {
                        q.key: check_answer(q, answers[q.key], report) for q in asked if q.key in answers})
                    if not given or any(errors.values()):
                        return fields, files[0], None, dict(questions=asked, values=values, errors=errors)
                    report = apply_answers(report, answers)
                    fields["answered"] = str(len(answers))
            source = report if report is not None else path
            result = await _in_thread(lambda: run(uploads, lambda: draft(
                source, form, seed, templates=templates, patterns=patterns, scoring=scoring, rule_set=rules,
                import_tables=True, outline=outline_of(fields))))
        finally:
            uploads.close()
        if report is not None and fields.get("answered"):
            result.imported = report  # the answered input, offered for download
        return fields, files[0], result, None

    @app.post("/draft", response_class=HTMLResponse)
    async def draft_page(request: Request):
        fields, upload, result, asking = await drafted(request, again=True, ask=True)
        form, seed, scoring, rules = options(fields)
        downloads = request.app.state.downloads
        again = fields.get("again") or downloads.add(upload[0], "application/octet-stream", upload[1])
        if asking is not None:
            return page("questions.html", again=again, form=form, seed=seed, scoring=scoring, rules=rules,
                        outline=fields.get("outline", ""), source=Path(upload[0]).name, **asking)
        document, data, imported, name = result.document, result.data, result.imported, result.name
        docx_key = downloads.add(name, DOCX_TYPE, data)
        input_key = None
        if imported is not None and fields.get("answered"):
            # The answered input: drafting again (another seed) starts from it, and the officer keeps it.
            stem = Path(upload[0]).stem
            if kinds.is_kind(upload[0], kinds.WORKBOOK):
                answered = downloads.add(message("ask_copy_name", stem=stem) + ".xlsx", XLSX_TYPE,
                                         await _in_thread(lambda: input_workbook_bytes(imported)))
            else:
                answered = downloads.add(message("ask_copy_name", stem=stem) + ".yaml", YAML_TYPE,
                                         yaml_text(imported).encode("utf-8"))
            input_key = again = answered
        elif imported is not None:
            input_key = downloads.add(message("web_input_name", stem=Path(name).stem), XLSX_TYPE,
                                      await _in_thread(lambda: input_workbook_bytes(imported)))
        blocks, gaps = draft_view(document)
        return page("drafted.html", document=document, blocks=blocks, gaps=gaps, docx=docx_key, again=again,
                    pdf=docx_key if soffice() else None, imported=input_key, name=name, seed=seed, form=form,
                    scoring=scoring, rules=rules, outline=fields.get("outline", ""),
                    warnings=document.warnings + self_review(result.findings),
                    source=Path(upload[0]).name, answered=int(fields.get("answered") or 0))

    @app.get("/check", response_class=HTMLResponse)
    def check_form():
        return page("check.html", rules=rule_choices())

    @app.post("/check")
    async def check_page(request: Request):
        files, fields = await uploaded(request)
        rules = options({"rules": fields.get("rules", "national")})[3]
        approved = await _in_thread(lambda: approved_tables(request))
        last_year = await _in_thread(lambda: last_year_table(request))
        uploads = Uploads(files)
        if len(files) == 1:
            try:
                path = uploads.paths[0]
                result, document = await _checked(path, rules, approved, last_year)
                annotated = await _in_thread(lambda: annotated_bytes(path, result))
            finally:
                uploads.close()
            if result.error:
                raise result.error.with_paths(uploads.clean)
            key = (request.app.state.downloads.add(annotated_name(path), DOCX_TYPE, annotated)
                   if annotated is not None else None)
            return page("checked.html", name=path.name, result=result, blocks=report_view(document, result),
                        annotated=key, tables=table_lines(result))
        job_id = uuid.uuid4().hex
        job = Job([path.name for path in uploads.paths])
        jobs = request.app.state.jobs
        for old in [key for key, kept in jobs.items() if kept.finished][:max(0, len(jobs) - MAX_JOBS)]:
            del jobs[old]  # the oldest finished batches go (a dict keeps the order they came in)
        jobs[job_id] = job
        threading.Thread(target=_check_batch,
                         args=(job, uploads, rules, request.app.state.downloads, approved, last_year),
                         daemon=True).start()
        return RedirectResponse(f"/check/jobs/{job_id}", status_code=303)

    @app.get("/check/jobs/{job_id}", response_class=HTMLResponse)
    def job_page(request: Request, job_id: str):
        job = request.app.state.jobs.get(job_id)
        if job is None:
            raise NarratorError("web_job_unknown")
        return page("batch.html", job=job, job_id=job_id)

    @app.get("/check/jobs/{job_id}/progress")
    def job_progress(request: Request, job_id: str):
        job = request.app.state.jobs.get(job_id)
        if job is None:
            raise NarratorError("web_job_unknown")
        return {"done": job.done, "total": len(job.names), "finished": job.finished}

    @app.get("/download/{key}")
    def download(request: Request, key: str, format: str = "docx"):
        item = request.app.state.downloads.get(key)
        if item is None:
            raise NarratorError("web_download_gone")
        data, name, media_type = item.data, item.name, item.media_type
        if format == "pdf":
            data, name, media_type = _pdf(item), str(Path(item.name).with_suffix(".pdf")), "application/pdf"
        return attachment(data, media_type, name)

    # ------------------------------------------------------------ the JSON API

    @app.post("/api/draft")
    async def api_draft(request: Request):
        _, _, result, _ = await drafted(request)
        return attachment(result.data, DOCX_TYPE, result.name)

    @app.post("/api/check")
    async def api_check(request: Request):
        files, fields = await uploaded(request)
        rules = options({"rules": fields.get("rules", "national")})[3]
        approved = await _in_thread(lambda: approved_tables(request))
        last_year = await _in_thread(lambda: last_year_table(request))
        uploads = Uploads(files)
        try:
            answers = await asyncio.gather(*(_checked(path, rules, approved, last_year, page=False)
                                             for path in uploads.paths))
            results = [result for result, _ in answers]
        finally:
            uploads.close()
        for result, path in zip(results, uploads.paths):
            result.file = path.name
            result.error = result.error.with_paths(uploads.clean) if result.error else None
        return Response(json_report(results), media_type="application/json")

    @app.post("/api/import")
    async def api_import(request: Request):
        files, fields = await uploaded(request)
        form = options(fields)[0]
        uploads = Uploads(files[:1])
        try:
            path = uploads.paths[0]
            importer = import_project_targets if form == "项目" else import_targets
            report = await _in_thread(lambda: run(uploads, lambda: importer(path).report))
            data = await _in_thread(lambda: input_workbook_bytes(report))
        finally:
            uploads.close()
        return attachment(data, XLSX_TYPE, message("web_input_name", stem=Path(path.name).stem))

    @app.exception_handler(NarratorError)
    async def web_error(request: Request, error: NarratorError):
        return failed(request, str(error), STATUS.get(error.code, 400))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception):
        return failed(request, message("internal_error", kind=type(error).__name__, log=write_error_log(error)), 500)

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        return failed(request, message("web_not_found"), 404)

    return app


def rule_choices() -> list[tuple[str, str]]:
    """The rule sets for a page's list: (file name, the name it gives itself)."""
    return [(key, rule_set(key).name) for key in rule_set_names()]


def attachment(data: bytes, media_type: str, name: str) -> Response:
    """A download, its Chinese file name given as RFC 6266 asks (filename*=UTF-8'')."""
    return Response(data, media_type=media_type,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _warm_worker() -> None:
    pipeline()  # spaCy and jieba's dictionary, once per worker, before its first check


def check_pool() -> ProcessPoolExecutor:
    """The worker processes that check uploads, one per core, so that checks arriving together run
    side by side instead of taking turns for one interpreter. Workers come from a fork server (a
    clean process, not a fork of the threaded server) and each loads the checker's models once."""
    global _pool
    with _pool_lock:
        if _pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            _pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=context,
                                        initializer=_warm_worker)
        return _pool


def _check_upload_only(path: Path, rules: str, approved=None, last_year=None):
    """check_upload without what only the page shows (the document, what each figure was linked
    to): less to send back from the worker."""
    result, _ = check_upload(path, rules, approved, last_year)
    result.report = None
    return result, None


async def _checked(path: Path, rules: str, approved=None, last_year=None, page: bool = True):
    """check_upload in a worker process (`page` False: the findings alone, for the API); in a thread of
    this one when the pool has broken (a worker killed), and the next check makes a new pool."""
    global _pool
    work = check_upload if page else _check_upload_only
    try:
        return await asyncio.wrap_future(check_pool().submit(work, path, rules, approved, last_year))
    except BrokenProcessPool:
        with _pool_lock:
            _pool = None
        return await _in_thread(lambda: work(path, rules, approved, last_year))


async def _in_thread(function):
    """Run the library's blocking work off the event loop, so that other requests go on."""
    return await run_in_threadpool(function)


def _pdf(item: Download) -> bytes:
    if soffice() is None:
        raise NarratorError("soffice_missing")
    with tempfile.TemporaryDirectory(prefix="narrator-web-") as folder:
        source = Path(folder) / "report.docx"
        source.write_bytes(item.data)
        return convert_to_pdf(source, Path(folder) / "report.pdf").read_bytes()


def _check_batch(job: Job, uploads: Uploads, rules: str, downloads: Downloads, approved=None,
                 last_year=None) -> None:
    rows = []
    try:
        for path in uploads.paths:
            result, document = check_upload(path, rules, approved, last_year)
            annotated = annotated_bytes(path, result) if not result.error else None
            row = {"name": path.name, "unit": unit_name(document) if document else "",
                   "year": report_year(document) if document else "", "figures": result.figures,
                   "linked": result.linked, "unlinked": result.unlinked, "count": len(result.findings),
                   "error": str(result.error.with_paths(uploads.clean)) if result.error else "", "codes": dict(Counter(f.code for f in result.findings)),
                   "annotated": downloads.add(annotated_name(path), DOCX_TYPE, annotated) if annotated else None}
            rows.append(row)
            job.results.append(row)
            job.done += 1
        job.summary = downloads.add(message("web_summary_file"), XLSX_TYPE, summary_workbook(rows))
    finally:
        uploads.close()
        job.finished = True


def serve(host: str = "127.0.0.1", port: int = 8000, token: str | None = None, templates: str | Path | None = None,
          patterns: str | Path | None = None) -> None:
    import uvicorn

    uvicorn.run(create_app(token, templates, patterns), host=host, port=port, log_level="warning")
