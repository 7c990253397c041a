#!/usr/bin/env python3
"""Writes a large, valid module (format 1) for the loader benchmark.

Every construct of docs/format-v1.md appears: pages with every block kind,
a timeline with eras and events linked to case studies, case studies, and
quizzes with all five question kinds. Every text is in English and French.
The output is the same for the same arguments.

    bench/gen_module.py OUT.xml [--pages N] [--questions N] [--cases N]
                                [--seed N] [--id ID] [--no-images]

The image the module shows is written to img/bench.png beside it.
"""
import argparse
import os
import random
import struct
import zlib
from xml.sax.saxutils import escape, quoteattr

THEMES = [
    "accessibility", "anti-discrimination", "anti-racism", "climate-environment",
    "culture", "participatory-democracy", "right-to-food", "right-to-education",
    "womens-rights", "human-rights-education", "equality-poverty",
    "inclusion-marginalised", "youth-children", "housing", "memory-peace-security",
    "accountability-transparency", "public-health", "basic-services",
]
KINDS = ["city", "region", "province", "district", "metropolis", "other"]
WORDS_EN = ("city council mayor rights housing water budget participation "
            "residents assembly equality school health access culture memory "
            "transparency youth women migrants food climate local public "
            "service neighbourhood charter commitment review monitoring").split()
WORDS_FR = ("ville conseil maire droits logement eau budget participation "
            "habitants assemblée égalité école santé accès culture mémoire "
            "transparence jeunesse femmes migrants alimentation climat local "
            "public service quartier charte engagement bilan suivi").split()


class Writer:
    def __init__(self, seed, images=True):
        self.rng = random.Random(seed)
        self.images = images
        self.parts = []

    def w(self, s):
        self.parts.append(s)

    def sentence(self, words, n):
        picked = [self.rng.choice(words) for _ in range(n)]
        picked[0] = picked[0].capitalize()
        return " ".join(picked) + "."

    def inline(self, words, n):
        """A sentence with some <em> and <strong>, nested now and then."""
        s = escape(self.sentence(words, n))
        tokens = s.split(" ")
        if len(tokens) > 4:
            tokens[1] = "<em>" + tokens[1] + "</em>"
            tokens[3] = "<strong>" + tokens[3] + ("</strong>" if n % 3 else
                                                  " <em>" + tokens[4] + "</em></strong>")
            if not n % 3:
                del tokens[4]
        return " ".join(tokens)

    def text(self, tag, indent, n=8, attrs="", inline=True):
        """One translatable text: the default language, then French."""
        for lang, words in (("", WORDS_EN), ("fr", WORDS_FR)):
            la = ' xml:lang="fr"' if lang else ""
            body = self.inline(words, n) if inline else escape(self.sentence(words, n))
            self.w(f"{indent}<{tag}{attrs}{la}>{body}</{tag}>\n")

    def image(self, indent):
        self.w(f'{indent}<image src="img/bench.png">\n')
        self.text("alt", indent + "  ", 5)
        self.text("credit", indent + "  ", 3)
        self.text("caption", indent + "  ", 6)
        self.w(f"{indent}</image>\n")

    def blocks(self, indent, k, headings=True):
        kinds = ["p", "ul", "quote", "p", "keyfacts", "ol", "p"]
        if headings:
            self.text("h2", indent, 4)
        for i in range(4):
            kind = kinds[(k + i) % len(kinds)]
            if kind == "p":
                self.text("p", indent, 24)
            elif kind in ("ul", "ol"):
                self.w(f"{indent}<{kind}>\n")
                for _ in range(3):
                    self.text("li", indent + "  ", 7)
                self.w(f"{indent}</{kind}>\n")
            elif kind == "quote":
                self.w(f"{indent}<quote>\n")
                self.text("text", indent + "  ", 14)
                self.text("source", indent + "  ", 4)
                self.w(f"{indent}</quote>\n")
            else:
                self.w(f"{indent}<keyfacts>\n")
                self.text("title", indent + "  ", 3)
                for _ in range(3):
                    self.text("fact", indent + "  ", 6)
                self.w(f"{indent}</keyfacts>\n")
            if headings and i == 1:
                self.text("h3", indent, 4)
        if self.images and k % 10 == 0:
            self.image(indent)

    def page(self, k):
        self.w(f'  <page id="page-{k}">\n')
        self.text("title", "    ", 5)
        self.blocks("    ", k)
        self.w("  </page>\n")

    def question(self, qid, kind):
        i = "      "
        scoring = ' scoring="partial"' if qid % 2 else ""
        tag = {"single": "single", "multiple": "multiple", "truefalse": "truefalse",
               "ordering": "ordering", "matching": "matching"}[kind]
        extra = scoring if kind in ("multiple", "ordering", "matching") else ""
        if kind == "truefalse":
            extra = f' answer="{"true" if qid % 2 else "false"}"'
        self.w(f'{i}<{tag} id="q-{qid}" rev="{1 + qid % 3}"{extra}>\n')
        self.text("prompt", i + "  ", 12)
        if kind in ("single", "multiple"):
            for c in range(4):
                correct = (c == qid % 4) if kind == "single" else (c % 2 == 0)
                self.w(f'{i}  <choice id="c{c}" correct="{"yes" if correct else "no"}">\n')
                self.text("text", i + "    ", 6)
                if c == 0:
                    self.text("feedback", i + "    ", 8)
                self.w(f"{i}  </choice>\n")
        elif kind == "truefalse":
            for on in ("true", "false"):
                self.text("feedback", i + "  ", 8, attrs=f' on="{on}"')
        elif kind == "ordering":
            for c in range(4):
                self.w(f'{i}  <item id="i{c}">\n')
                self.text("text", i + "    ", 5)
                self.w(f"{i}  </item>\n")
        else:
            for c in range(3):
                self.w(f'{i}  <pair id="p{c}">\n')
                self.text("left", i + "    ", 3)
                self.text("right", i + "    ", 5)
                self.w(f"{i}  </pair>\n")
        if qid % 3 == 0:
            self.text("hint", i + "  ", 8)
        self.text("explanation", i + "  ", 16)
        self.w(f"{i}</{tag}>\n")

    def quiz(self, k, first_qid, n):
        shuffle = ' shuffle="yes"' if k % 2 else ""
        attempts = "unlimited" if k % 3 == 0 else str(1 + k % 3)
        self.w(f'  <quiz id="quiz-{k}" pass="{50 + k % 50}" attempts="{attempts}"{shuffle}>\n')
        self.text("title", "    ", 4)
        if k % 2 == 0:
            self.text("intro", "    ", 12)
        kinds = ["single", "multiple", "truefalse", "ordering", "matching"]
        for q in range(first_qid, first_qid + n):
            self.question(q, kinds[q % len(kinds)])
        self.w("  </quiz>\n")

    def case(self, k):
        pop = f' population="{10000 + 7919 * k}"' if k % 4 else ""
        self.w(f'  <case id="case-{k}" kind="{KINDS[k % len(KINDS)]}"{pop}>\n')
        self.text("title", "    ", 5)
        self.text("place", "    ", 1, inline=False)
        self.text("country", "    ", 1, inline=False)
        self.w("    <themes>\n")
        for t in range(1 + k % 3):
            self.w(f'      <theme ref="{THEMES[(k + 5 * t) % len(THEMES)]}"/>\n')
        self.w("    </themes>\n    <context>\n")
        self.blocks("      ", k, headings=False)
        self.w("    </context>\n    <actions>\n")
        for _ in range(3):
            self.text("action", "      ", 9)
        self.w("    </actions>\n")
        if k % 2:
            self.w("    <outcomes>\n")
            self.blocks("      ", k + 1, headings=False)
            self.w("    </outcomes>\n")
        self.w("    <sources>\n")
        self.text("source", "      ", 6, attrs=f' href="https://example.org/case/{k}"')
        self.text("source", "      ", 6)
        self.w("    </sources>\n  </case>\n")

    def timeline(self, n_cases):
        self.w('  <timeline id="timeline">\n')
        self.text("title", "    ", 4)
        self.text("intro", "    ", 20)
        eras = [(None, 1944), (1945, 1989), (1990, 1999), (2000, 2009), (2010, 2030)]
        ev = 0
        for e, (start, end) in enumerate(eras):
            attr = f' from="{start}"' if start is not None else ""
            self.w(f'    <era id="era-{e}"{attr} to="{end}">\n')
            self.text("title", "      ", 4)
            self.text("text", "      ", 14)
            first = start if start is not None else end - 40
            for j in range(8):
                year = first + j * (end - first) // 8
                ev += 1
                if start is None and j == 0:
                    date, prec = str(end), ' precision="before"'
                elif j % 3 == 1:
                    date, prec = f"{year}-{1 + j % 12:02d}", ""
                elif j % 3 == 2:
                    date, prec = f"{year}-{1 + j % 12:02d}-{10 + j:02d}", ""
                else:
                    date, prec = str(year), ""
                link = f' case="case-{ev % n_cases}"' if n_cases and ev % 2 else ""
                self.w(f'      <event id="event-{ev}" date="{date}"{prec}{link}>\n')
                self.text("headline", "        ", 6)
                self.text("text", "        ", 18)
                if self.images and j == 4:
                    self.image("        ")
                self.w("      </event>\n")
            self.w("    </era>\n")
        self.w("  </timeline>\n")

    def module(self, pages, questions, cases, per_quiz=10, module_id="bench-large"):
        self.w('<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<module format="1" id="{module_id}" version="1" xml:lang="en" '
               'languages="en fr" completion="both">\n  <meta>\n')
        self.text("title", "    ", 6)
        self.text("summary", "    ", 30)
        self.w("    <author>Benchmark generator</author>\n"
               "    <author>Second author</author>\n"
               "    <licence>CC BY 4.0</licence>\n"
               "    <minutes>900</minutes>\n")
        self.text("audience", "    ", 6)
        self.w("  </meta>\n")
        n_quizzes = (questions + per_quiz - 1) // per_quiz
        self.timeline(cases)
        qid = 0
        quiz_k = 0
        case_k = 0
        for k in range(pages):
            self.page(k)
            # Spread quizzes and case studies through the pages.
            while quiz_k < n_quizzes and quiz_k * pages <= k * n_quizzes:
                n = min(per_quiz, questions - qid)
                self.quiz(quiz_k, qid, n)
                qid += n
                quiz_k += 1
            while case_k < cases and case_k * pages <= k * cases:
                self.case(case_k)
                case_k += 1
        while quiz_k < n_quizzes:
            n = min(per_quiz, questions - qid)
            self.quiz(quiz_k, qid, n)
            qid += n
            quiz_k += 1
        while case_k < cases:
            self.case(case_k)
            case_k += 1
        self.w("</module>\n")
        return "".join(self.parts)


def tiny_png():
    """A valid 2x2 grey PNG, built with the standard library."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--questions", type=int, default=10000)
    ap.add_argument("--cases", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2030)
    ap.add_argument("--id", default="bench-large", help="the module's id")
    ap.add_argument("--no-images", dest="images", action="store_false",
                    help="leave images out (and write no img/ folder)")
    args = ap.parse_args()
    if args.pages < 1:
        ap.error("--pages must be at least 1")
    text = Writer(args.seed, args.images).module(args.pages, args.questions, args.cases,
                                                 module_id=args.id)
    if args.images:
        folder = os.path.dirname(os.path.abspath(args.out))
        os.makedirs(os.path.join(folder, "img"), exist_ok=True)
        with open(os.path.join(folder, "img", "bench.png"), "wb") as f:
            f.write(tiny_png())
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
