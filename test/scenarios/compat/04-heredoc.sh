cd "$(mktemp -d)"
cat <<EOF > app.py
from flask import Flask
app = Flask(__name__)
@app.route("/")
def hello():
    return "hello world!"
EOF
cat app.py | wc -l
greeting=hi
cat <<EOF
$greeting from the heredoc, $((2 + 3)) times
EOF
cat <<'EOF'
$greeting stays literal
EOF
cat <<-EOF
	tabs are stripped
	EOF
read -r first rest <<< "one two three"
echo "$first / $rest"
{ echo grouped; echo output; } > group.txt
cat group.txt
( cd /tmp && pwd )
pwd | grep -c tmp
echo stdout; echo stderr >&2
ls missing-file 2>/dev/null || echo "ls failed with $?"
echo "a b c" | xargs -n 1
seq 3 | xargs echo numbers:
printf 'x\ny\n' | tee copy.txt | wc -l
cat copy.txt
