using System.Text;

namespace Tko.Generators.Emission
{
    /// <summary>Builds source text line by line with four-space indentation and <c>\n</c> line endings.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;

        public void Line(string line = "")
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _depth * 4).Append(line);
            }

            _text.Append('\n');
        }

        public void Open(string header)
        {
            Line(header);
            OpenBrace();
        }

        public void OpenBrace()
        {
            Line("{");
            _depth++;
        }

        public void Close(string closing = "}")
        {
            _depth--;
            Line(closing);
        }

        public void Indent() => _depth++;

        public void Outdent() => _depth--;

        public override string ToString() => _text.ToString();
    }
}
