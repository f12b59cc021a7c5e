cat < /nonexistent/file
echo $?
echo hi > /nonexistent/dir/file
echo $?
echo x >&7
echo $?
echo done
