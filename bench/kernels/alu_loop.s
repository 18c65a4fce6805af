# A CPU-bound integer loop: dependent ALU, multiply and shift work, 8
# instructions an iteration, 20 million iterations.
.intel_syntax noprefix
	mov ecx, 20000000
	mov rax, 1
	mov rbx, 0x9E3779B97F4A7C15
1:	add rax, rbx
	xor rbx, rax
	imul rdx, rax, 7
	shr rdx, 3
	add rsi, rdx
	rol rbx, 5
	dec ecx
	jnz 1b
