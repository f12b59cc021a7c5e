s="The quick brown fox"
echo ${#s}
echo ${s:4:5}
echo ${s/quick/slow}
echo ${s// /_}
echo ${s^^}
echo ${s,,}
words=($s)
echo ${#words[@]} ${words[3]}
IFS=" " read -r w1 w2 rest <<< "$s"; echo "$w1|$w2|$rest"
str=abcabc; echo ${str/b/X} ${str//b/X} ${str#*b} ${str##*b} ${str%b*} ${str%%b*}
file=/path/to/archive.tar.gz
name=${file##*/}; echo ${name%%.*} ${name#*.} ${file%/*}
echo "${s:0:1}${s: -1}"
