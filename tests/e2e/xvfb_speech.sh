#!/bin/bash
# Spoken guidance in a real kiosk window on a private Xvfb display, keys
# pressed by xdotool, sound through SDL's "disk" driver (a file instead of
# a sound card, at a real device's pace). In French, started with
# --speech on:
# - the sign-in screen is said as soon as it shows; Tab says the focused
#   button; F6 reads the page and goes on by itself, paragraph by
#   paragraph, as each is heard; F4 silences; F3 speaks faster;
# - what the device played is speech, not silence;
# - F1 turns it off, says so, and then a key says nothing;
# - with nothing to say, the sound device is closed after a few seconds
#   (the file stops growing), so an idle kiosk costs no CPU;
# - SIGTERM ends the player cleanly.
# Exit 77 (skipped) when Xvfb or xdotool is missing.
# Usage: xvfb_speech.sh PLAYER TEST_DATA_DIR
set -u
player=$1
data=$2
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool python3
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$work/audio.raw"

says() { grep -c '^say: ' "$work/trace"; }
size() { stat -c %s "$work/audio.raw" 2>/dev/null || echo 0; }

# A kiosk already set up: its facilitator PIN chosen.
echo 2468 | "$player" --set-facilitator-pin --data-dir "$work/data" >/dev/null ||
  fail "setting the facilitator PIN"
start_player --kiosk --speech on --lang fr --data-dir "$work/data" "$data/sdl/course"
wait_trace "^say: fr Bienvenue"
wait_trace "^say: +fr Tab passe d’une commande à la suivante"
xdotool key Tab
wait_trace "^say: fr .*, bouton$"
# F6: the page from its start, then on by itself as each paragraph is heard.
xdotool key F6
wait_trace "^say: fr Le guidage vocal est activé"
wait_trace "^say: fr Bienvenue$"
xdotool key F4
wait_trace "^say: fr $"
xdotool key F3
wait_trace "^say: fr Plus vite.$"
sleep 1

# What the device played: speech.
python3 - "$work/audio.raw" <<'EOF' || fail "the sound device played no speech"
import struct, sys
data = open(sys.argv[1], "rb").read()
samples = struct.unpack("<%dh" % (len(data) // 2), data[: len(data) // 2 * 2])
loud = sum(1 for s in samples if abs(s) > 1000)
print("%.1f s played, %.1f s of it loud" % (len(samples) / 22050, loud / 22050))
sys.exit(0 if loud > 22050 // 4 else 1)
EOF

xdotool key F1
wait_trace "^say: fr Guidage vocal désactivé.$"
before=$(says)
xdotool key Tab
sleep 1
[ "$(says)" = "$before" ] || fail "something was said with spoken guidance off"

# Idle: the device closes, and the file stops growing.
sleep 6
a=$(size)
sleep 1
b=$(size)
[ "$a" = "$b" ] || fail "the sound device still plays with nothing to say ($a, then $b bytes)"

stop_player
[ "$player_status" = 0 ] || fail "the player exited with $player_status on SIGTERM"
echo "PASS: $(says) utterances said"
