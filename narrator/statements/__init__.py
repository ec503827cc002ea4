"""What each figure in the prose says: the claim (extract), its role (roles), the prose's arithmetic."""
