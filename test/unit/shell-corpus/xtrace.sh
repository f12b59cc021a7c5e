set -x
echo "a b" c
x=$(echo sub)
y=1 true
f() { echo in f; }
f arg
set +x
echo quiet
