"""A test SMTP server's handler for aiosmtpd (Debian's python3-aiosmtpd), started by SmtpServerFixture:

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.FolderSink FOLDER

Each accepted message is written to FOLDER as one .eml file (written to a hidden temporary name, then renamed,
before the server answers 250, so the file is there when the client hears "accepted"). A recipient whose address
contains "reject" is refused for good (550); one containing "tempfail" is refused for now (451).
"""

import os
import time
import uuid


class FolderSink:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("FolderSink takes one argument: the folder to write messages to")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        lowered = address.lower()
        if "reject" in lowered:
            return "550 5.1.1 Mailbox unavailable: no such user here"
        if "tempfail" in lowered:
            return "451 4.3.0 Mailbox busy: try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
        temporary = os.path.join(self.folder, "." + name)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        with open(temporary, "wb") as stream:
            stream.write(content)
        os.replace(temporary, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"
