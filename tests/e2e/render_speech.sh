#!/bin/bash
# --render --speech of the bundled course, in French: next to every PNG,
# NNNN-name.txt says what spoken guidance says on entering the screen (its
# title first), and NNNN-name.wav is that speech: a RIFF/WAVE file, PCM,
# mono, 16-bit, at the engine's rate, whose data fills the file, not
# silence, and about as long as its text takes to say. A few screens are
# checked word for word. Needs no display and no sound card.
# Usage: render_speech.sh PLAYER COURSE_DIR
set -u
player=$1
course=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$player" --render "$out/r" --speech --lang fr --size 1280x800 "$course" 2>"$out/err" ||
  fail "--render --speech exited with $?: $(head -c 2000 "$out/err")"
[ -s "$out/err" ] && fail "--render --speech said: $(head -c 2000 "$out/err")"
cd "$out/r" || fail "no output folder"

n=0
for png in *.png; do
  base=${png%.png}
  [ -s "$base.txt" ] || fail "$base.txt is missing or empty"
  [ -f "$base.wav" ] || fail "$base.wav is missing"
  n=$((n + 1))
done
[ "$n" -gt 100 ] || fail "only $n screens rendered"
[ "$(ls *.txt | wc -l)" = "$n" ] && [ "$(ls *.wav | wc -l)" = "$n" ] ||
  fail "not one .txt and one .wav a screen"

# What some screens say, as a French learner hears it.
grep -qx "Bienvenue" 0010-sign-in.txt || fail "sign-in: $(cat 0010-sign-in.txt)"
head -1 0020-settings.txt | grep -qx "Paramètres" || fail "settings: $(cat 0020-settings.txt)"
grep -q "^Partie 1 sur 5, Leçon : " ./*-m1-definition.txt ||
  fail "first lesson: $(cat ./*-m1-definition.txt)"
grep -q "Avant 2012" ./*-m2-ev-local-charters.txt ||
  fail "first event: $(cat ./*-m2-ev-local-charters.txt)"
grep -qE "^(Bonne réponse|Réponse partiellement correcte|Ce n’est pas la bonne réponse)" \
  ./*-m1-q-definition-answered.txt ||
  fail "an answer's feedback: $(cat ./*-m1-q-definition-answered.txt)"
grep -q "Votre score" ./*-m1-quiz-results.txt || fail "results: $(cat ./*-m1-quiz-results.txt)"
# Plain text: no markup, no layout marks, no icon glyphs.
if grep -lP '<[a-zA-Z/]|[|·→•]|[\x{E000}-\x{F8FF}]' ./*.txt >"$out/bad"; then
  fail "marks in: $(head -3 "$out/bad")"
fi

# Every WAV: header, length, sound.
python3 - "$out/r" <<'EOF' || exit 1
import os, struct, sys, glob
folder = sys.argv[1]
total = 0.0
for wav in sorted(glob.glob(os.path.join(folder, "*.wav"))):
    data = open(wav, "rb").read()
    name = os.path.basename(wav)
    def fail(why):
        print("FAIL: %s: %s" % (name, why))
        sys.exit(1)
    if len(data) < 44 or data[0:4] != b"RIFF" or data[8:12] != b"WAVE":
        fail("not a RIFF/WAVE file")
    if struct.unpack("<I", data[4:8])[0] != len(data) - 8:
        fail("RIFF size %d, file %d" % (struct.unpack("<I", data[4:8])[0], len(data)))
    if data[12:16] != b"fmt ":
        fail("no fmt chunk")
    fmt, channels, rate, byte_rate, align, bits = struct.unpack("<HHIIHH", data[20:36])
    if (fmt, channels, bits, align) != (1, 1, 16, 2) or rate not in (16000, 22050, 44100):
        fail("format %d, %d channels, %d Hz, %d bits" % (fmt, channels, rate, bits))
    if byte_rate != rate * 2:
        fail("byte rate %d at %d Hz" % (byte_rate, rate))
    if data[36:40] != b"data" or struct.unpack("<I", data[40:44])[0] != len(data) - 44:
        fail("data chunk does not fill the file")
    samples = struct.unpack("<%dh" % ((len(data) - 44) // 2), data[44:])
    seconds = len(samples) / rate
    text = open(wav[:-4] + ".txt", encoding="utf-8").read()
    words = len(text.split())
    # eSpeak NG at its normal rate says about 175 words a minute: between
    # 60 and 400 words a minute, pauses included, is speech of this text.
    if not (words * 60 / 400 <= seconds <= words * 60 / 60 + 1):
        fail("%.2f s for %d words" % (seconds, words))
    if max(abs(s) for s in samples) < 2000:
        fail("silence")
    total += seconds
print("%d WAV files, %.0f s of speech" % (len(glob.glob(os.path.join(folder, "*.wav"))), total))
EOF
echo "$n screens: text and speech for each"
