cd "$(mktemp -d)"
mkdir -p project/src project/docs
touch project/src/app.py project/src/util.py project/docs/README.md
echo "print('hi')" > project/src/app.py
ls project
ls -1 project/src
find project -type f | sort
find project -name '*.py' | sort
cp -r project backup
mv backup/docs backup/manual
ls backup
rm -rf backup/src
ls -a backup
cat project/src/app.py
basename project/src/app.py .py
dirname project/src/app.py
wc -c project/src/app.py
test -d project && echo "project is a directory"
[ -s project/src/util.py ] || echo "util.py is empty"
ls project/src/*.py
