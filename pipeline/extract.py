"""The Python API: articles in, :class:`~pipeline.models.Claim` models out."""

from __future__ import annotations

import datetime as _dt
import re
import weakref
from contextlib import nullcontext
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import Attribution, cue_entry, frames
from .sentences import sentence_index
from .speakers import entity_label, is_human_noun
from .ingest import content_hash, iter_articles, make_article, normalize_published
from .models import Article, Claim, Cue, Entity, ErrorRecord, Speaker, TextSpan
from .nlp import load_nlp
from .temporal import Timex, timexes_in

# spaCy's parser needs ~1 GB per 100,000 characters; longer articles are cut
# at paragraph (else sentence, else space) boundaries and parsed in pieces.
CHUNK_CHARS = 50_000
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MONEY", "PERCENT", "QUANTITY"}


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` parts of at most ``limit``
    characters, at paragraph breaks where possible."""
    if len(text) <= limit:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + limit, n)
        if end < n:
            window = text[pos:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 4:
                    cut += len(sep)
                    break
                cut = -1
            if cut > 0:
                end = pos + cut
        parts.append((pos, text[pos:end]))
        pos = end
    return parts


def _anchor(published: Optional[str]) -> Optional[_dt.date]:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(published)
    except ValueError:
        return None


def make_docs(nlp: Language, article: Article) -> list[tuple[int, Doc]]:
    """Unprocessed docs for an article's pieces, with anchor and layout set."""
    return list(iter_docs(nlp, article))


def iter_docs(nlp: Language, article: Article) -> Iterator[tuple[int, Doc]]:
    """:func:`make_docs`, one piece at a time (a 5 MB article is not
    tokenized all at once)."""
    anchor = _anchor(article.published)
    for offset, piece in split_text(article.text):
        doc = nlp.make_doc(piece)
        doc._.cs_anchor = anchor
        doc._.cs_skip = [(s - offset, e - offset) for s, e in article.skip_spans if e > offset and s < offset + len(piece)]
        yield offset, doc


def _timex_root(doc: Doc, t: Timex):
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None else None


SAID_ON_GRANULARITIES = {"day", "week", "month", "quarter", "season", "year", "time", "half"}


def said_on(doc: Doc, att: Attribution, timexes: list[Timex],
            others: Iterable[Attribution] = ()) -> Optional[Timex]:
    """The date attached to the cue (or the verbs its speaker came through):
    a temporal expression outside the content whose syntactic head reaches
    one of those verbs within a few steps (up to seven: "said in a statement
    released through her lawyer *on Tuesday*"). A date inside the content of
    another claim (``others``) that does not enclose this one belongs to that
    claim: '"... back at work by Monday," she said. "I doubt that will happen."'
    """
    if not att.anchor_tokens:
        return None
    cue_char = doc[min(att.anchor_tokens)].idx
    foreign = [(o.content_start, o.content_end) for o in others
               if o is not att and not (o.content_start <= cue_char < o.content_end)]
    anchors = set(att.anchor_tokens)
    aside = att.cue_token is not None and att.content_start <= doc[att.cue_token].idx < att.content_end
    first = min(anchors | {att.tok_start})
    last = max(anchors | {att.tok_end - 1})
    sents = sentence_index(doc)
    sent_start = sents.start_char(first)
    sent_end = sents.end_char(last)
    best: Optional[tuple[int, Timex]] = None
    for t in timexes:
        if t.end <= sent_start or t.start >= sent_end:
            continue
        if att.content_start <= t.start < att.content_end and not aside and not _on_the_cue_verb(doc, t, att):
            continue  # (a cue inside its content, "The budget, said Ruiz *on Tuesday*, was
            # balanced": a date hung on the cue is still the saying's)
        if att.relayed is not None and att.relayed[0] <= t.start < att.relayed[1]:
            continue  # "said Moss had told her *in December* that X": when Moss spoke
        if any(a <= t.start < b for a, b in foreign):
            continue
        if t.type not in ("DATE", "TIME") or t.value is None or t.granularity not in SAID_ON_GRANULARITIES:
            continue  # a claim is said on a day, week, month…, not in a century
        root = _timex_root(doc, t)
        occasion = (root is not None and root.dep_ == "poss" and root.head.dep_ == "pobj"
                    and root.head.head.lower_ in ("after", "at", "during", "following")
                    and t.granularity == "day")  # "said *after Thursday's practice*": that day
        # "said in its *Thursday* statement", "In *Tuesday's* letter, X wrote": the day of the document
        # (the document the cue says the words are in: not "In response to
        # Tuesday's letter from parents, the principal said")
        occasion = occasion or (root is not None and root.dep_ in ("compound", "nmod", "poss") and t.granularity == "day"
                                and root.head.dep_ == "pobj" and root.head.lemma_.lower() in frames().source_documents
                                and root.head.head.lower_ == "in" and root.head.head.head.i in anchors)
        if root is None or (root.dep_ in ("amod", "compound", "nmod", "poss") and not occasion):
            continue  # "a third-quarter profit": a date of the thing, not of the saying
        if root.dep_ in ("nsubj", "nsubjpass", "csubj"):
            continue  # "*The third quarter* showed that X": what shows, not when it was said
        cur = root
        steps = 0
        hit = False
        while steps < 7:
            if cur.i in anchors:
                hit = True
                break
            if cur.head is cur or _describes_speaker(cur):
                break  # "Kettleby, who managed her *from 2009*, denied …": a date of the speaker
            cur = cur.head
            steps += 1
        if hit:
            # a day wins over a coarser date ("killed in a crash *last spring*
            # sued X *on Tuesday*": the parser hung the season on the verb),
            # unless that date opens the sentence before the subject ("*Last
            # year* the company said X, a pledge it repeated on Tuesday"); then
            # the most directly attached date, then the nearest
            fronted = any(c.dep_ in ("nsubj", "nsubjpass") and root.i < c.left_edge.i
                          for a in anchors for c in doc[a].children)
            rank = (t.granularity not in ("day", "time") and not fronted, steps, min(abs(root.i - a) for a in anchors))
            if best is None or rank < best[0]:
                best = (rank, t)
    return best[1] if best else None


def _on_the_cue_verb(doc: Doc, t: Timex, att: Attribution) -> bool:
    """A date the parser hung on the cue verb between the parts of a noun
    phrase content ("accused Pennycress Markets *on Wednesday* of raising
    prices"): the saying's, though inside the content's range."""
    if att.kind != "nominal" or att.cue_token is None:
        return False
    root = _timex_root(doc, t)
    if root is None:
        return False
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        root = root.head
    return root.head.i == att.cue_token and root.dep_ in ("prep", "npadvmod")


def _describes_speaker(tok) -> bool:
    """A relative clause or appositive that describes the subject ("Kettleby,
    *who managed her from 2009*, denied", "Ruiz, *a manager since 2009*,
    said"). A participle may date the statement ("in an opinion *issued
    Tuesday*", "the coach, *speaking* on Sunday, said"), so it is passed
    through, and so is a name the parser hung on the subject ("Cameron
    reconfirmed Alita: *Battle Angel 2 in July 2023*"). A past participle
    says what was done to the speaker ("Administrators, *appointed on
    Monday*, said"), unless it is a cue or says how they were reached (a
    document's "*completed in November*" dates what it says)."""
    subject = tok.head
    if subject.dep_ == "conj" and subject.head.dep_ in ("nsubj", "nsubjpass"):
        subject = subject.head  # "Chef and co-owner Ines Carraway, *who won ... in 2024*, denied"
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if tok.dep_ == "prep" and tok.lower_ in ("since", "from", "until", "till", "between"):
        return True  # "Ruiz, mayor *since 2019*, said": a span of the speaker's life
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and cue_entry(tok) is None \
            and tok.lemma_.lower() not in frames().question_verbs and tok.lemma_.lower() not in frames().contact_verbs \
            and (tok.head.ent_type_ in ("PERSON", "NORP") or is_human_noun(tok.head)):
        # "Administrators, *appointed on Monday*, said": what was done to them
        # (not "*reached* on Monday", nor a document's "*released* last week")
        return True
    return tok.dep_ == "relcl" or (tok.dep_ == "appos" and tok.pos_ == "NOUN")


_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def after_publication(value: Optional[str], published: Optional[str]) -> bool:
    """Does the date ``value`` (TIMEX3: "2025-12", "2025-10-30TAF") lie wholly
    after the publication date? A statement cannot have been made then."""
    if not value or not published:
        return False
    v, p = _DATE_PREFIX.match(value), _DATE_PREFIX.match(published)
    if v is None or p is None:
        return False
    vt = tuple(int(x) for x in v.groups() if x is not None)
    pt = tuple(int(x) for x in p.groups() if x is not None)[:len(vt)]
    return vt > pt


def inherit_said_on(claims: list[Claim], text: str) -> list[Claim]:
    """A claim with no date of its own takes the date of the same speaker's
    claim just before it when it continues it: nested inside its content
    ("said on Tuesday it expects …") or in the next sentence ("… reached on
    Tuesday. 'We talk to a lot of people,' she said.")."""
    out: list[Claim] = []
    prev: Optional[Claim] = None  # the speaker's latest claim with a date
    last: Optional[Claim] = None  # the latest attributed claim
    for c in sorted(claims, key=lambda c: (c.claim.start, c.claim.end)):
        if c.said_on is None and prev is not None and prev.said_on is not None and c.speaker.label != "AUTHOR" \
                and c.speaker.name and c.speaker.name == prev.speaker.name:
            nested = prev.claim.start <= c.claim.start and c.claim.end <= prev.claim.end
            gap = text[prev.sentence.end:c.sentence.start]
            adjacent = c.sentence.start >= prev.sentence.end and not gap.strip() and gap.count("\n") <= 2
            # '"We are not declaring victory," she said. "Inflation has come down …"'
            continued = (c.rule == "direct.continuation" and last is prev
                         and "\n\n" not in text[prev.claim.end:c.claim.start])
            if nested or adjacent or continued:
                c = c.model_copy(update={"said_on": prev.said_on})
        out.append(c)
        if c.speaker.label == "AUTHOR":
            continue
        other = prev is not None and c.speaker.name != prev.speaker.name
        # a source quoted inside the claim ("wrote that the plaintiffs had
        # alleged that X") does not interrupt its speaker
        quoted_inside = other and prev.claim.start <= c.claim.start and c.claim.end <= prev.claim.end
        if quoted_inside:
            continue
        last = c
        if c.said_on is not None:
            prev = c
        elif other:
            prev = None
    return out


def _shift(start: int, end: int, offset: int) -> tuple[int, int]:
    return start + offset, end + offset


NAME_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"}


def dates_outside_names(ents: list[tuple[int, int, str]], timexes: list[Timex]) -> list[Timex]:
    """Drop temporal expressions inside a longer name ("the Fourth of July
    Committee", "Studio 2024 Inc."); ``ents`` are (start, end, label)."""
    names = [(s, e) for s, e, label in ents if label in NAME_LABELS]
    return [t for t in timexes if not any(s <= t.start and t.end <= e and (e - s) > (t.end - t.start) for s, e in names)]


def claims_from_doc(doc: Doc, article: Article, offset: int = 0) -> list[Claim]:
    """Claim models (without ids) for one processed doc piece."""
    atts: list[Attribution] = doc._.cs_attributions or []
    if not atts:
        return []
    certs = doc._.cs_certainty or []
    text = article.text
    out: list[Claim] = []
    sents = sentence_index(doc)
    # Doc.text and Doc.ents are rebuilt on every access (a Token or Span
    # object per token or entity): read the article text (doc.text is
    # text[offset:offset + len]) and the entities once per doc.
    # (labels as the speakers module corrects them: "Loopwave's shares" is an
    # organization whatever the NER said, as in the speaker field)
    names = doc._.cs_names
    all_ents = [(e.start_char, e.end_char, entity_label(e, names)) for e in doc.ents]
    doc_ents = [ent for ent in all_ents if ent[2] in ENTITY_LABELS]
    timexes: list[Timex] = dates_outside_names(all_ents, doc._.cs_timexes or [])
    for att, cert in zip(atts, certs):
        first_tok = min(att.tok_start, att.cue_start if att.cue_start is not None else att.tok_start)
        last_tok = max(att.tok_end - 1, (att.cue_end - 1) if att.cue_end is not None else 0)
        if att.speaker.start is not None:
            first_tok = min(first_tok, att.speaker.start)
            last_tok = max(last_tok, att.speaker.end - 1)
        s_start = sents.start_char(first_tok)
        s_end = sents.end_char(min(last_tok, len(doc) - 1))
        # sentence text without trailing whitespace
        while s_end > s_start and text[offset + s_end - 1].isspace():
            s_end -= 1
        ss, se = _shift(s_start, s_end, offset)
        sp = att.speaker
        if sp.start is not None:
            spn = doc[sp.start:sp.end]
            a, b = _shift(spn.start_char, spn.end_char, offset)
            speaker = Speaker(text=text[a:b], name=sp.name, label=sp.label, start=a, end=b)
        elif sp.label == "AUTHOR":
            speaker = Speaker(text=None, name=article.author, label="AUTHOR")
        else:
            speaker = Speaker(text=sp.text, name=sp.name, label=sp.label)
        cue = None
        if att.cue_start is not None:
            cspan = doc[att.cue_start:att.cue_end]
            a, b = _shift(cspan.start_char, cspan.end_char, offset)
            lemma = " ".join(t.lemma_.lower() for t in cspan) if att.kind != "according_to" else "according to"
            cue = Cue(text=text[a:b], lemma=lemma, start=a, end=b)
        cs, ce = _shift(att.content_start, att.content_end, offset)
        dates = [
            t.to_model().model_copy(update={"start": t.start + offset, "end": t.end + offset})
            for t in timexes_in(timexes, att.content_start, att.content_end)
        ]
        so = said_on(doc, att, timexes, atts)
        if so is not None and after_publication(so.value, article.published):
            so = None  # "ruled out a move before the meeting in December": not when it was said
        said = so.to_model().model_copy(update={"start": so.start + offset, "end": so.end + offset}) if so else None
        ents = [
            Entity(text=text[es + offset:ee + offset], label=label, start=es + offset, end=ee + offset)
            for es, ee, label in doc_ents
            if es >= att.content_start and ee <= att.content_end
        ]
        certainty = cert.model_copy(
            update={"cues": [c.model_copy(update={"start": c.start + offset, "end": c.end + offset}) for c in cert.cues]}
        )
        out.append(
            Claim(
                id="",
                doc_id=article.doc_id,
                title=article.title,
                published=article.published,
                sentence=TextSpan(text=text[ss:se], start=ss, end=se),
                speaker=speaker,
                cue=cue,
                claim=TextSpan(text=text[cs:ce], start=cs, end=ce),
                kind=att.kind,
                certainty=certainty,
                said_on=said,
                dates=dates,
                entities=ents,
                rule=att.rule,
            )
        )
    return out


def number_claims(article: Article, claims: list[Claim]) -> list[Claim]:
    """Stable ids ``<doc_id>#<n>`` in text order, and the content hash."""
    h = content_hash(article.text)
    claims = inherit_said_on(claims, article.text)
    claims = sorted(claims, key=lambda c: (c.claim.start, c.claim.end, c.speaker.start if c.speaker.start is not None else -1, c.speaker.name or ""))
    return [c.model_copy(update={"id": f"{article.doc_id}#{n}", "content_hash": h}) for n, c in enumerate(claims, start=1)]


# Pieces of a long article go through the parser this many at a time, so a
# 5 MB article needs the memory of a few pieces, not of all of them.
LONG_ARTICLE_BATCH = 2


def process_articles(nlp: Language, articles: Iterable[Article], batch_size: int = 64) -> Iterator[tuple[Article, list[Claim]]]:
    """Run the pipeline over articles, yielding each with its claims, in order.

    Articles longer than :data:`CHUNK_CHARS` are parsed in pieces, a few at a
    time; the others in batches of ``batch_size``. (Claims do not depend on
    the batching.)
    """
    short: list[Article] = []
    for article in articles:
        if len(article.text) > CHUNK_CHARS:
            yield from _pipe_articles(nlp, short, batch_size)
            short = []
            yield from _pipe_articles(nlp, [article], LONG_ARTICLE_BATCH)
            continue
        short.append(article)
        if len(short) >= batch_size:
            yield from _pipe_articles(nlp, short, batch_size)
            short = []
    yield from _pipe_articles(nlp, short, batch_size)


def _pipe_articles(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[tuple[Article, list[Claim]]]:
    if not articles:
        return

    def docs_with_meta():
        for n, article in enumerate(articles):
            for offset, doc in iter_docs(nlp, article):
                yield doc, (n, article, offset)

    current: Optional[Article] = None
    current_n = -1
    claims: list[Claim] = []
    for doc, (n, article, offset) in nlp.pipe(docs_with_meta(), as_tuples=True, batch_size=batch_size):
        if current is not None and n != current_n:
            yield current, number_claims(current, claims)
            claims = []
        current, current_n = article, n
        claims.extend(claims_from_doc(doc, article, offset))
    if current is not None:
        yield current, number_claims(current, claims)


# A text that exercises every component once, so that whatever they set up
# lazily (matchers, rule strings in the vocab) is created outside a memory
# zone and survives it.
_WARM_UP_TEXT = (
    "PORTVILLE — Mayor Elena Ruiz said on Tuesday that fares “will likely rise” by July 1, 2025. "
    "“We may never know,” she added. According to the agency, it is unclear whether the plan, "
    "which officials said could cost $5 million, will pass next week.\n\nThe council denied that."
)
_warmed: "weakref.WeakSet[Language]" = weakref.WeakSet()


def warm_up(nlp: Language) -> None:
    """Run the pipeline once outside any memory zone (idempotent per ``nlp``)."""
    if nlp in _warmed:
        return
    article = make_article("warm-up", _WARM_UP_TEXT, published="2025-03-13")
    list(process_articles(nlp, [article]))
    _warmed.add(nlp)


def _zone(nlp: Language):
    # spaCy >= 3.8: strings and lexemes created inside are freed when it
    # closes, so a long run's memory stays flat. Nothing created inside may
    # be used after it: callers get pydantic models only.
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else nullcontext()


def process_batch(nlp: Language, articles: list[Article], batch_size: int = 64) -> list[tuple[Article, list[Claim]]]:
    """Claims for a list of articles, computed inside ``nlp.memory_zone()``.

    Only pydantic models leave the zone. The pipeline is warmed up first so
    that lazily built component state does not live in the zone.
    """
    if not articles:
        return []
    warm_up(nlp)
    with _zone(nlp):
        return list(process_articles(nlp, articles, batch_size=batch_size))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_claims(
    text: str,
    *,
    title: Optional[str] = None,
    published: Union[str, _dt.date, None] = None,
    author: Optional[str] = None,
    doc_id: str = "text",
    model: Optional[str] = None,
    nlp: Optional[Language] = None,
) -> list[Claim]:
    """Claims in one article text.

    >>> claims = extract_claims("Mayor Elena Ruiz said on Tuesday that fares will rise.",
    ...                         published="2025-03-13")  # doctest: +SKIP
    """
    nlp = nlp or load_nlp(model)
    article = make_article(doc_id, text, title=title, published=published, author=author)
    for _, claims in process_articles(nlp, [article]):
        return claims
    return []


def extract_articles(articles: Iterable[Article], *, model: Optional[str] = None, nlp: Optional[Language] = None,
                     batch_size: int = 64) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims for already-read :class:`Article` objects, in order."""
    nlp = nlp or load_nlp(model)
    for batch in _batches(articles, batch_size):
        yield from process_batch(nlp, batch, batch_size=batch_size)


def iter_extract(
    paths: Iterable[Union[str, Path]],
    *,
    model: Optional[str] = None,
    published: Optional[str] = None,
    nlp: Optional[Language] = None,
    batch_size: int = 64,
) -> Iterator[Union[tuple[Article, list[Claim]], ErrorRecord]]:
    """Walk ``paths`` and yield ``(article, claims)`` per article, or an
    :class:`ErrorRecord` for each article that could not be read or
    processed. ``published`` (YYYY-MM-DD) is used for articles without one."""
    nlp = nlp or load_nlp(model)
    default_pub, warn = normalize_published(published) if published else (None, None)
    if warn:
        raise ValueError(f"--published: {warn}")
    pending: list[Article] = []

    def flush():
        yield from _safe_process(nlp, pending, batch_size)
        pending.clear()

    for item in iter_articles(paths):
        if isinstance(item, ErrorRecord):
            yield from flush()
            yield item
            continue
        if item.published is None and default_pub:
            item = item.model_copy(update={"published": default_pub})
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _safe_process(nlp: Language, articles: list[Article], batch_size: int):
    """Process a batch; if it fails, retry article by article so one bad
    article yields an error and the others their claims."""
    if not articles:
        return
    try:
        results = process_batch(nlp, articles, batch_size=batch_size)
    except Exception:
        results = None
    if results is not None:
        yield from results
        return
    for article in articles:
        try:
            result = process_batch(nlp, [article], batch_size=1)
        except Exception as exc:  # report, keep going
            yield ErrorRecord(
                file=article.source_path or article.doc_id,
                doc_id=article.doc_id,
                stage="extract",
                message=f"{article.source_path or article.doc_id}: extraction failed: {type(exc).__name__}: {exc}",
            )
        else:
            yield from result
