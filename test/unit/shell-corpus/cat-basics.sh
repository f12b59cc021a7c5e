printf 'line1\nline2\n' > in.txt
cat in.txt
cat in.txt in.txt | cat
cat < in.txt > copy.txt
cat copy.txt
cat missing.txt
echo $?
