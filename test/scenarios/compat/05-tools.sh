# Only tools of a minimal Debian install (coreutils, findutils, grep, sed, awk): the real
# bash side runs on the CI machine as it is.
cd "$(mktemp -d)"
mkdir -p app/templates app/static
printf 'from flask import Flask\napp = Flask(__name__)\n' > app/app.py
printf '<h1>{{ title }}</h1>\n' > app/templates/index.html
printf 'body { color: red; }\n' > app/static/style.css
grep -rn Flask app | sort
grep -ril TITLE app
find app -name '*.html' -exec wc -l {} \;
find app -type f | xargs wc -c | tail -1
sed -i 's/red/blue/' app/static/style.css && cat app/static/style.css
echo "alpha,beta,gamma" | cut -d, -f2-
echo "Hello World" | tr '[:upper:]' '[:lower:]'
seq 10 | paste -sd+ | bc 2>/dev/null || seq 10 | awk '{ s += $1 } END { print s }'
printf '3\n1\n2\n' | sort -n | head -2 | tail -1
ls -R app | head -4
du -s app >/dev/null && echo "du works"
env -i FOO=bar env
echo "$((2**10)) $(( (7+3) / 2 ))"
