path=/usr/local/lib/file.tar.gz
echo ${path#*/} ${path##*/} ${path%.*} ${path%%.*}
echo ${path/l/L} ${path//l/L} ${path/#\/usr/X} ${path/%gz/bz2}
s=hello
echo ${#s} ${s:1} ${s:1:3} ${s: -3} ${s:(-3):2} ${s:10}
echo ${s^} ${s^^} ${s,,} X${s^^l}
U=HELLO; echo ${U,} ${U,,}
echo ${path//\//:}
f=archive.tar.gz; echo ${f%%.*} ${f#*.}
echo "${s/l/[&]}"
