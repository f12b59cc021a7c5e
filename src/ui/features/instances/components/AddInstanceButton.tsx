interface AddInstanceButtonProps {
  onAdd: () => void;
}

export function AddInstanceButton({ onAdd }: AddInstanceButtonProps) {
  return (
    <button type="button" className="add-instance" onClick={onAdd}>
      <span aria-hidden="true">+</span> ADD NEW INSTANCE
    </button>
  );
}
