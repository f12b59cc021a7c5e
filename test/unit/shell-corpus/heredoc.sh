name=World
cat <<EOF2
Hello, $name!
Sum: $((2+3))
Cmd: $(echo sub)
Escaped: \$name \\ \`x\`
EOF2
cat <<'QUOTED'
Literal $name $(echo no)
QUOTED
cat <<-TABS
	tab stripped
		two tabs
	TABS
cat <<< "here string $name"
cat <<<plain
while read line; do echo "line: $line"; done <<END
a
b
END
