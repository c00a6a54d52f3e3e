#!/usr/bin/env bash
# End-to-end walkthrough of the enforcement commands (issue 6) through `statdesk run`, on a private copy of the
# distribution and a fresh data folder. Usage: walkthrough.sh [DIST] [DATA]  (defaults: a copy of
# launcher/target/statdesk with this module's jar, /tmp/enf-walk). Needs the H2 jar in ~/.m2 for the tamper step.
# Exits non-zero at the first contract that does not hold.
set -u
HERE="$(cd "$(dirname "$0")/../../.." && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIST="${1:-/tmp/enf-walk-dist}"
DATA="${2:-/tmp/enf-walk}"
if [ -z "${1:-}" ]; then
  rm -rf "$DIST" && cp -r "$ROOT/launcher/target/statdesk" "$DIST" \
    && cp "$HERE/target/org.statdesk.enforcement-1.0.0.jar" "$DIST/bundles/"
fi
rm -rf "$DATA" /tmp/enf-walk-out && mkdir -p /tmp/enf-walk-out
H2="$(ls ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar)"
S() { env -u DISPLAY "$DIST/bin/statdesk" --data "$DATA" run "$@"; }
sql() { java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:$DATA/db/statdesk;AUTO_SERVER=TRUE" -user sa -password "" -sql "$1"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { local want=$1; shift; "$@" > /tmp/enf-walk-out/last.json 2>/tmp/enf-walk-out/last.err; local rc=$?
  [ "$rc" = "$want" ] || { cat /tmp/enf-walk-out/last.json /tmp/enf-walk-out/last.err >&2; fail "exit $rc, wanted $want: $*"; }
  python3 -c 'import json,sys; json.load(open("/tmp/enf-walk-out/last.json"))' 2>/dev/null \
    || { case " $* " in *" --json "*) fail "stdout is not one JSON document: $*";; esac; }
  echo "ok ($rc) $*"; }
j() { python3 -c "import json; d=json.load(open('/tmp/enf-walk-out/last.json')); print($1)"; }

expect 0 S demo:load --json
YEAR=$(date +%Y); TODAY=$(date +%F)
expect 0 S enforcement:inspectors --json
[ "$(j "d['inspectors'][0]['certificate_date'][:2]")" = "20" ] || fail "certificate_date not ISO"
expect 0 S enforcement:draw --year "$YEAR" --seed 42 --json
ID=$(j "d['id']"); [ "$(j "d['seed']")" = 42 ] || fail seed
j "{k: v for k, v in d.items() if k != 'targets'}"
UNIT=$(j "[t['code'] for t in d['targets'] if t['kind'] == 'unit'][0]")
TOWN=$(j "[t['code'] for t in d['targets'] if t['kind'] == 'township'][0]")
python3 - <<PY || fail "avoidance or team size"
import json
d = json.load(open('/tmp/enf-walk-out/last.json'))
for t in d['targets']:
    assert len(t['inspectors']) >= 2, t
    for i in t['inspectors']:
        assert i['county_code'] == '620600' or i['county_code'] != t['county_code'], t
print('avoidance holds for', len(d['targets']), 'targets; coverage', d['coverage'])
PY
expect 2 S enforcement:draw --year "$YEAR" --json
expect 2 S enforcement:draw --year "$YEAR" --replace --json
expect 0 S enforcement:draws --json
[ "$(j "d['draws'][0]['replaced_by']")" = None ] || fail "replaced_by should be null"
expect 0 S enforcement:verify-draw "$ID" --json
expect 0 S enforcement:show-draw "$ID" --json
expect 0 S enforcement:export-draw "$ID" /tmp/enf-walk-out/list.csv --json
expect 0 S enforcement:export-draw "$ID" /tmp/enf-walk-out/list.html --json
expect 2 S enforcement:export-draw "$ID" /tmp/enf-walk-out/list.pdf --json
expect 0 S enforcement:record-check "$ID" "$UNIT" --date "$TODAY" --fail records_agree,size_true --note "台账缺 9 月" --json
CHECK=$(j "d['id']")
expect 0 S enforcement:record-check "$ID" "$TOWN" --json
expect 2 S enforcement:record-check "$ID" "$UNIT" --fail bogus --json
expect 2 S enforcement:record-check "$ID" 91620600MA00000000 --json
expect 0 S enforcement:open-case "$UNIT" --violation false --facts "虚报营业收入" --check "$CHECK" --deadline "$TODAY" --json
CASE=$(j "d['id']")
expect 2 S enforcement:open-case "$UNIT" --violation lying --facts x --json
expect 2 S enforcement:update-case "$CASE" --status decided --json
expect 0 S enforcement:update-case "$CASE" --decision "警告并罚款" --penalty "罚款 5 万元" --status decided --reason 局务会 --json
expect 0 S enforcement:update-case "$CASE" --status closed --json
expect 2 S enforcement:update-case "$CASE" --penalty x --json
expect 0 S enforcement:cases --json
Q="${YEAR}Q$(( ($(date +%-m) - 1) / 3 + 1 ))"
expect 0 S enforcement:interference-report --quarter "$Q" --json
[ "$(j "d['count']")" = 0 ] && j "d['statement']"
expect 0 S enforcement:record-interference --quarter "$Q" --date "$TODAY" --official 某镇副镇长 --target 某公司产值 --request 要求调高 --action 已拒绝并报告市局 --json
expect 2 S enforcement:record-interference --quarter "${YEAR}Q5" --date "$TODAY" --official a --target b --request c --action d --json
expect 0 S enforcement:interference-report --quarter "$Q" --json
expect 0 S enforcement:add-item --source self_check --owner 620621 --problem 乡镇统计台账不全 --date "$YEAR-01-02" --deadline "$YEAR-01-31" --json
ITEM=$(j "d['id']")
expect 2 S enforcement:add-item --source self_check --owner 999999 --problem x --json
expect 0 S enforcement:ledger --status overdue --json
[ "$(j "d['items'][0]['id']")" = "$ITEM" ] || fail "overdue item should stand out"
expect 0 S enforcement:close-item "$ITEM" --evidence "已补建台账，附照片" --json
[ "$(j "d['closed_late']")" = True ] || fail "closed late"
expect 2 S enforcement:close-item "$ITEM" --evidence again --json
expect 0 S enforcement:ledger --json
j "[(i['id'], i['status'], i['overdue'], i['days_overdue']) for i in d['items']], d['counties']"
expect 0 S enforcement:coverage --year "$YEAR" --json
expect 0 S audit:verify --json
[ "$(j "d['ok']")" = True ] || fail "audit:verify not ok"

# tampering behind StatDesk's back: verify-draw fails (exit 1) and names the target; putting it back restores it
OLD=$(sql "SELECT inspectors FROM enf_draw_target WHERE draw_id = $ID AND seq = 1" | sed -n 2p | sed 's/ *$//')
sql "UPDATE enf_draw_target SET inspectors = (SELECT inspectors FROM enf_draw_target WHERE draw_id = $ID AND seq = 2) WHERE draw_id = $ID AND seq = 1" >/dev/null
expect 1 S enforcement:verify-draw "$ID" --json
j "d['problems']"
sql "UPDATE enf_draw_target SET inspectors = '$OLD' WHERE draw_id = $ID AND seq = 1" >/dev/null
expect 0 S enforcement:verify-draw "$ID" --json
sql "UPDATE enf_draw SET seed = seed + 1 WHERE id = $ID" >/dev/null
expect 1 S enforcement:verify-draw "$ID" --json
expect 1 S audit:verify --json
[ "$(j "d['ok']")" = False ] || fail "audit:verify should see the changed draw row"
sql "UPDATE enf_draw SET seed = seed - 1 WHERE id = $ID" >/dev/null
expect 0 S audit:verify --json
[ "$(j "d['ok']")" = True ] || fail "audit:verify not ok after restoring"

# replacing needs a reason, which is journaled
expect 0 S enforcement:draw --year "$YEAR" --replace --reason "名录库更新后重抽" --json
expect 2 S enforcement:record-check "$ID" "$UNIT" --json

# disabling the feature keeps every row
COUNT="SELECT (SELECT COUNT(*) FROM enf_inspector) + (SELECT COUNT(*) FROM enf_draw) + (SELECT COUNT(*) FROM enf_draw_target) + (SELECT COUNT(*) FROM enf_check) + (SELECT COUNT(*) FROM enf_case) + (SELECT COUNT(*) FROM enf_interference) + (SELECT COUNT(*) FROM enf_item)"
BEFORE=$(sql "$COUNT" | sed -n 2p)
expect 0 S feature:disable enforcement --json
expect 2 S enforcement:draws --json
AFTER=$(sql "$COUNT" | sed -n 2p)
[ "$BEFORE" = "$AFTER" ] || fail "rows lost on disable: $BEFORE -> $AFTER"
expect 0 S feature:enable enforcement --json
expect 0 S enforcement:verify-draw "$ID" --json
expect 0 S audit:verify --json
[ "$(j "d['ok']")" = True ] || fail "audit:verify not ok at the end"
echo "walkthrough passed: $BEFORE enforcement rows kept across disable/enable"
