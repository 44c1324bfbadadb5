#!/bin/bash
# usage: present_notes_wakeups.sh LABEL BIN : present + notes, 10 s idle, context switches of both
LABEL=$1; BIN=$2
D=$(mktemp -d); mkdir -p $D/data $D/cfg; chmod 700 $D
ENV="env K8S_COURSE_DATA_DIR=$D/data K8S_COURSE_CONFIG_DIR=$D/cfg K8S_COURSE_RUNTIME_DIR=$D/run"
tmux new-session -d -s p$$ -x 200 -y 60 "$ENV $BIN present"
sleep 2
tmux new-session -d -s n$$ -x 120 -y 40 "$ENV $BIN notes"
sleep 4
P1=$(tmux display -p -t p$$ '#{pane_pid}'); P2=$(tmux display -p -t n$$ '#{pane_pid}')
for p in $P1 $P2; do c=$(pgrep -P $p | head -1); [ -n "$c" ] && echo "child of $p: $c"; done
sum() { cat /proc/$1/task/*/status 2>/dev/null | awk '/voluntary_ctxt_switches/{s+=$2} END{print s}'; }
A1=$(sum $P1); A2=$(sum $P2); sleep 10; B1=$(sum $P1); B2=$(sum $P2)
echo "$LABEL present: $(( (B1-A1) )) /10s; notes: $(( (B2-A2) )) /10s; together $(( (B1-A1+B2-A2)/10 ))/s"
tmux capture-pane -p -t n$$ | head -3
tmux kill-session -t p$$; tmux kill-session -t n$$
