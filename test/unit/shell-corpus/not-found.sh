nosuchcommand_xyz
echo $?
./nonexistent_script
echo $?
/no/such/path/cmd arg
echo $?
echo done
