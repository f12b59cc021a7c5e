echo first > out.txt
echo second >> out.txt
cat out.txt
cat < out.txt
echo err >&2 2>/dev/null
{ echo to-err >&2; } 2>&1
echo both &> both.txt; cat both.txt
{ echo o; echo e >&2; } > split.txt 2>&1; cat split.txt
ls_missing_cmd 2>/dev/null; echo $?
exec 3> fd3.txt
echo via-fd3 >&3
exec 3>&-
cat fd3.txt
cat <> out.txt
echo appended &>> both.txt; cat both.txt
